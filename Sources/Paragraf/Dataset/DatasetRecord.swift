/// The fields of one document of the dataset (`documents-dev.jsonl`, `works/*/*.json`), as read from the JSON,
/// each with the raw byte range of its value in the file.
///
/// ```
/// { "id": "2022:959", "type": "statute", "title": "Bekendtgørelse om tandpleje",
///   "short_name": "BEK H#LOKDOK04", "status": "in_force", "issued_date": "2022-06-14",
///   "url": "https://www.retsinformation.dk/eli/lta/2022/959/xml",
///   "description": "Retsinformation source. DocumentId=DI000683; AccessionNumber=B20220095905; …",
///   "provisions": [ { "provision_ref": "1:1", "chapter": "1", "section": "1", "content": "§ 1. …" } ] }
/// ```
public struct DatasetRecord: Sendable, Hashable {
    /// A text field and where its value is.
    public struct Field: Sendable, Hashable {
        /// The decoded value (a number's digits as written).
        public var value: String
        /// The raw bytes of the value (a string's contents between its quotes).
        public var range: Range<Int>
    }

    /// One provision (one §) of the record.
    public struct Provision: Sendable, Hashable {
        /// Its place in `provisions`, from 0.
        public var index: Int
        /// The chapter number ("4", "6 a"), nil when the act has no chapters ("" or absent).
        public var chapter: Field?
        /// The § number as the dataset states it ("17", "4 a").
        public var section: Field?
        /// `provision_ref` ("1:1").
        public var ref: Field?
        /// The raw contents of the `content` string (nil when missing or not a string).
        public var contentRange: Range<Int>?
        /// The bytes of the whole provision object.
        public var range: Range<Int>
    }

    /// "2022:959", or a Retsinformation DocumentId ("CM010063") for older documents.
    public var id: Field?
    /// "Bekendtgørelse om tandpleje".
    public var title: Field?
    /// Retsinformation's document type: "BEK H#LOKDOK04", "LOV Æ", "Bekendtgørelse", …
    public var shortName: Field?
    /// "in_force", "historical", …
    public var status: Field?
    /// The date of issue (signing), `YYYY-MM-DD`.
    public var issuedDate: Field?
    /// The ELI url ("https://www.retsinformation.dk/eli/lta/2022/959/xml").
    public var url: Field?
    /// "Retsinformation source. DocumentId=…; AccessionNumber=…; …".
    public var description: Field?
    /// The provisions in order.
    public var provisions: [Provision] = []

    /// The ELI without the format suffix: `https://www.retsinformation.dk/eli/lta/2022/959`.
    public var eli: String? {
        guard var url = url?.value, !url.isEmpty else { return nil }
        for suffix in ["/xml", "/html", "/pdf"] where url.hasSuffix(suffix) { url.removeLast(suffix.count) }
        return url
    }

    /// Year and number, from the ELI (`…/lta/2022/959`) or else from an id "2022:959".
    public var yearAndNumber: (year: Int, number: String)? {
        if let eli, let range = eli.range(of: "/lta/") {
            let parts = eli[range.upperBound...].split(separator: "/")
            if parts.count >= 2, let year = Int(parts[0]), !parts[1].isEmpty { return (year, String(parts[1])) }
        }
        if let id = id?.value {
            let parts = id.split(separator: ":")
            if parts.count == 2, let year = Int(parts[0]), !parts[1].isEmpty { return (year, String(parts[1])) }
        }
        return nil
    }

    /// Retsinformation's accession number from the description ("B20220095905").
    public var accessionNumber: String? { descriptionValue("AccessionNumber") }

    /// Retsinformation's DocumentId from the description ("DI000683").
    public var documentID: String? { descriptionValue("DocumentId") }

    private func descriptionValue(_ name: String) -> String? {
        guard let text = description?.value, let r = text.range(of: name + "=") else { return nil }
        let value = text[r.upperBound...].prefix { $0 != ";" && !$0.isWhitespace }
        return value.isEmpty ? nil : String(value)
    }

    /// The document type from `short_name` ("BEK H", "LBK H", "LOV Æ", older spelled-out names), else from the
    /// title.
    public var documentType: DocumentType {
        let code = (shortName?.value ?? "").uppercased()
        if code.hasPrefix("LBK") || code.hasPrefix("LOVBEKENDTGØRELSE") { return .lovbekendtgoerelse }
        if code.hasPrefix("BEK") || code.hasPrefix("ÆNDRINGSBEKENDTGØRELSE") || code.hasPrefix("BEKENDTGØRELSE") {
            return .bekendtgoerelse
        }
        if code.hasPrefix("LOV") || code.hasPrefix("ÆNDRINGSLOV") { return .lov }
        if code.hasPrefix("CIR") || code.hasPrefix("CIRKULÆRE") { return .cirkulaere }
        if code.hasPrefix("VEJ") || code.hasPrefix("VEJLEDNING") { return .vejledning }
        let title = (title?.value ?? "").lowercased()
        if title.hasPrefix("bekendtgørelse af lov") { return .lovbekendtgoerelse }
        if title.hasPrefix("bekendtgørelse") { return .bekendtgoerelse }
        if title.hasPrefix("lov ") { return .lov }
        return .unknown
    }

    /// Whether the record is an amending instrument ("BEK Æ", "LOV Æ", "Ændrings…", a title "… om ændring af …").
    public var isAmending: Bool {
        let code = (shortName?.value ?? "").uppercased()
        return code.contains("Æ") || (title?.value.lowercased().contains("om ændring af") ?? false)
    }
}
