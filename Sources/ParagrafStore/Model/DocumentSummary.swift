import GRDB
import Paragraf

/// A stored document as a list shows it.
public struct DocumentSummary: Codable, Hashable, Sendable {
    /// The document's id in the database.
    public var id: Int64
    /// "BEK 1077/2020", or "BEK af 30. juni 2020" without a number.
    public var label: String
    /// "BEK", "LBK", "LOV", …
    public var type: String
    /// Retsinformation's document type ("BEK H", "LOV Æ") when the source states it.
    public var retsinformationType: String?
    /// The number in Lovtidende.
    public var number: String?
    /// The year of the number.
    public var year: Int?
    /// The title.
    public var title: String?
    /// The date of signing (issue).
    public var signed: LegalDate?
    /// The in-force date the text states.
    public var inForce: LegalDate?
    /// What the document does in its work's history.
    public var role: DocumentRole
    /// Where it was imported from.
    public var source: String
    /// "text", "lexDania", "html" or "dataset".
    public var format: String
    /// Whether the source leaves parts out (the dataset's documents have no preamble, titles, annexes, signature).
    public var isPartial: Bool
    /// The ELI URI.
    public var eli: String?

    static let columns = """
        d.id, d.type, d.rtype, d.number, d.year, d.title, d.signed, d.in_force, d.role, d.source, d.format, d.partial, d.eli,
        (SELECT v.number || '/' || v.year FROM versions v WHERE v.id = d.version)
        """

    /// Reads the columns of ``columns`` starting at `offset`.
    init(row: Row, offset: Int = 0) {
        let type: String = row[offset + 1]
        let number: String? = row[offset + 3]
        let year: Int? = row[offset + 4]
        let signed = (row[offset + 6] as String?).flatMap(LegalDate.init)
        id = row[offset]
        self.type = type
        retsinformationType = row[offset + 2]
        self.number = number
        self.year = year
        title = row[offset + 5]
        self.signed = signed
        inForce = (row[offset + 7] as String?).flatMap(LegalDate.init)
        role = DocumentRole(rawValue: row[offset + 8]) ?? .version
        source = row[offset + 9]
        format = row[offset + 10]
        isPartial = (row[offset + 11] as Int) == 1
        eli = row[offset + 12]
        // A text that does not state its number (a seed file) is labelled by the version it is a source of.
        let versionNumber: String? = row[offset + 13]
        label =
            number == nil && versionNumber != nil
            ? "\(type) \(versionNumber!)" : Self.label(type: type, number: number, year: year, signed: signed)
    }

    static func label(type: String, number: String?, year: Int?, signed: LegalDate?) -> String {
        if let number, let year { return "\(type) \(number)/\(year)" }
        if let signed { return "\(type) af \(signed.danish)" }
        return type
    }
}
