/// A date without time or zone, as written in Danish legal texts ("11. december 2003").
public struct LegalDate: Codable, Hashable, Sendable, Comparable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The year.
    public var year: Int
    /// The month, 1-12.
    public var month: Int
    /// The day of the month, 1-31.
    public var day: Int

    /// Creates a date; returns nil for an impossible one.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= LegalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ description: String) {
        let parts = description.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// Danish long form: "11. december 2003".
    public var danish: String { "\(day). \(LegalDate.monthNames[month - 1]) \(year)" }

    /// Danish month names, January first.
    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
        "november", "december",
    ]

    public static func < (lhs: LegalDate, rhs: LegalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LegalDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \"\(text)\""))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The kind of legal instrument.
public enum DocumentType: String, Codable, Hashable, Sendable, CaseIterable {
    /// Lov: an act of parliament.
    case lov
    /// Lovbekendtgørelse (LBK): a consolidated act.
    case lovbekendtgoerelse
    /// Bekendtgørelse (BEK): an executive order.
    case bekendtgoerelse
    /// Cirkulære.
    case cirkulaere
    /// Vejledning.
    case vejledning
    /// Anything else.
    case unknown

    /// The Retsinformation abbreviation: LOV, LBK, BEK, CIR, VEJ.
    public var abbreviation: String {
        switch self {
        case .lov: "LOV"
        case .lovbekendtgoerelse: "LBK"
        case .bekendtgoerelse: "BEK"
        case .cirkulaere: "CIR"
        case .vejledning: "VEJ"
        case .unknown: "?"
        }
    }
}

/// A reference to another instrument by type, number and date ("Bekendtgørelse nr. 205 af 22. marts 2001").
public struct InstrumentReference: Codable, Hashable, Sendable {
    /// The type, as far as it is stated.
    public var type: DocumentType
    /// The number ("205").
    public var number: String?
    /// The date it was issued.
    public var date: LegalDate?
    /// The text as written, whitespace normalized.
    public var text: String

    /// Creates a reference.
    public init(type: DocumentType, number: String?, date: LegalDate?, text: String) {
        self.type = type
        self.number = number
        self.date = date
        self.text = text
    }
}

/// What a regulation says about itself: title, type, legal basis, ministry, dates, signers, repeal.
public struct Metadata: Codable, Hashable, Sendable {
    /// The title ("Bekendtgørelse om tandpleje").
    public var title: String?
    /// The instrument type, from the title.
    public var documentType: DocumentType
    /// The legal-basis text of the preamble ("I medfør af … fastsættes:").
    public var legalBasis: String?
    /// The act named as legal basis ("lov om tandpleje m.v.", "sundhedsloven").
    public var legalBasisAct: String?
    /// The signing ministry.
    public var ministry: String?
    /// The date of signing.
    public var signingDate: LegalDate?
    /// The signers, minister first.
    public var signers: [String]
    /// The in-force date from the "træder i kraft" provision.
    public var inForceDate: LegalDate?
    /// The instruments it repeals ("… ophæves").
    public var repeals: [InstrumentReference]

    // Optional fields a richer source (LexDania XML) states; nil for plain text. Kept optional so the
    // synthesized Codable omits them when absent and older JSON still decodes.

    /// The number in Lovtidende ("1709"), when the source states it.
    public var number: String? = nil
    /// The year of the number ("2024").
    public var year: Int? = nil
    /// Retsinformation's accession number ("B20240170905").
    public var accessionNumber: String? = nil
    /// Retsinformation's status ("Valid", "Historic").
    public var status: String? = nil
    /// The ELI URI (`https://www.retsinformation.dk/eli/lta/{year}/{number}`).
    public var eli: String? = nil
    /// The last day the version applied (Retsinformation's `EndDate`).
    public var endDate: LegalDate? = nil
    /// Notes (footnotes, amending acts' in-force provisions) the source keeps beside the text.
    public var notes: [DocumentNote]? = nil

    /// Creates metadata.
    public init(
        title: String? = nil, documentType: DocumentType = .unknown, legalBasis: String? = nil,
        legalBasisAct: String? = nil, ministry: String? = nil, signingDate: LegalDate? = nil,
        signers: [String] = [], inForceDate: LegalDate? = nil, repeals: [InstrumentReference] = []
    ) {
        self.title = title
        self.documentType = documentType
        self.legalBasis = legalBasis
        self.legalBasisAct = legalBasisAct
        self.ministry = ministry
        self.signingDate = signingDate
        self.signers = signers
        self.inForceDate = inForceDate
        self.repeals = repeals
    }
}

/// A note a source keeps beside the text: an official footnote (LexDania `Nota`) or an amending act's
/// in-force provision printed after a consolidated act (LexDania `Ikraft`).
public struct DocumentNote: Codable, Hashable, Sendable {
    /// What the note is.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A numbered footnote ("17)").
        case footnote
        /// An amending act's in-force or transitional provision, printed after a consolidated act.
        case inForce
    }

    /// What the note is.
    public var kind: Kind
    /// The marker as written ("17)"), if any.
    public var marker: String?
    /// The note's text, whitespace normalized.
    public var text: String
    /// The id of the node the note is attached to, if any.
    public var anchor: NodeID?
    /// Where the note is in the source.
    public var range: SourceRange?

    /// Creates a note.
    public init(kind: Kind, marker: String? = nil, text: String, anchor: NodeID? = nil, range: SourceRange? = nil) {
        self.kind = kind
        self.marker = marker
        self.text = text
        self.anchor = anchor
        self.range = range
    }
}

/// How the input bytes were read.
public enum SourceEncoding: String, Codable, Hashable, Sendable {
    /// Valid UTF-8.
    case utf8
    /// UTF-8 with a byte order mark.
    case utf8BOM
    /// Not UTF-8: decoded as Windows-1252 (a superset of ISO-8859-1).
    case windows1252
    /// Mostly UTF-8 with some invalid bytes decoded as Windows-1252.
    case mixed
}

/// A parsed regulation: metadata, the tree, diagnostics and the source it came from.
public struct Document: Codable, Hashable, Sendable {
    /// The version of the JSON schema this type encodes to.
    public static let schemaVersion = 1

    /// A name for the source (file path or "-").
    public var sourceName: String
    /// How the input bytes were decoded.
    public var encoding: SourceEncoding
    /// Number of bytes of the (UTF-8) source text.
    public var sourceLength: Int
    /// What the document says about itself.
    public var metadata: Metadata
    /// The tree; its kind is ``NodeKind/document``.
    public var root: Node
    /// Everything the parser noticed, in source order.
    public var diagnostics: [Diagnostic]
    /// The parts the source does not hold (nil or empty: a complete source). A document with absent parts is
    /// *partial*: its tree has no nodes for them, and that says nothing about the regulation itself.
    public var absentParts: [DocumentPart]? = nil

    /// Whether the source leaves parts of the regulation out (see ``absentParts``).
    public var isPartial: Bool { !(absentParts ?? []).isEmpty }

    /// Whether the source leaves `part` out.
    public func lacks(_ part: DocumentPart) -> Bool { absentParts?.contains(part) ?? false }

    /// Creates a document.
    public init(
        sourceName: String, encoding: SourceEncoding, sourceLength: Int, metadata: Metadata, root: Node,
        diagnostics: [Diagnostic]
    ) {
        self.sourceName = sourceName
        self.encoding = encoding
        self.sourceLength = sourceLength
        self.metadata = metadata
        self.root = root
        self.diagnostics = diagnostics
    }

    /// The chapters in order (inside parts too).
    public var chapters: [Node] { root.all(.chapter) }
    /// The sections in order.
    public var sections: [Node] { root.all(.section) }
    /// The annexes in order.
    public var annexes: [Node] { root.all(.annex) }
}
