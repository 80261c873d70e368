import Paragraf

/// An amending act (ændringslov, ændringsbekendtgørelse) read into the acts it amends and its instructions.
///
/// ```swift
/// let read = AmendmentReader.read(bytes, sourceName: "LOV-2023-1547.xml")
/// read.act.amendments[0].actName                 // "lov om hold af dyr"
/// read.act.amendments[0].instrument?.number      // "9"
/// read.act.amendments[0].instructions.count      // 2
/// read.act.ownProvisions.first?.inForceDate      // 2024-01-01
/// ```
public struct AmendingAct: Codable, Hashable, Sendable {
    /// The version of the JSON schema this type encodes to (`paragraf amendments --format json`).
    public static let schemaVersion = 1

    /// A name for the source (file path or "-").
    public var sourceName: String
    /// The title ("Lov om ændring af lov om hold af dyr, …").
    public var title: String?
    /// The kind of instrument (a lov or a bekendtgørelse).
    public var documentType: DocumentType
    /// The number in Lovtidende ("1547"), when the source states it.
    public var number: String?
    /// The year of the number.
    public var year: Int?
    /// The date of signing.
    public var signingDate: LegalDate?
    /// One entry per § that amends an act, in order.
    public var amendments: [ActAmendment]
    /// The act's own §§ that amend nothing: in force, transition, territory.
    public var ownProvisions: [OwnProvision]
    /// Everything the reader noticed (codes `A0xx`, see ``AmendmentDiagnosticCode``), plus the XML reader's.
    public var diagnostics: [Diagnostic]

    /// Creates an act.
    public init(
        sourceName: String, title: String? = nil, documentType: DocumentType = .unknown, number: String? = nil,
        year: Int? = nil, signingDate: LegalDate? = nil, amendments: [ActAmendment] = [],
        ownProvisions: [OwnProvision] = [], diagnostics: [Diagnostic] = []
    ) {
        self.sourceName = sourceName
        self.title = title
        self.documentType = documentType
        self.number = number
        self.year = year
        self.signingDate = signingDate
        self.amendments = amendments
        self.ownProvisions = ownProvisions
        self.diagnostics = diagnostics
    }

    /// "LOV nr. 1547 af 12. december 2023", or the title when the number is unknown.
    public var designation: String {
        let type = documentType == .unknown ? "" : documentType.abbreviation + " "
        if let number {
            let date = signingDate.map { " af \($0.danish)" } ?? year.map { " af \($0)" } ?? ""
            return "\(type)nr. \(number)\(date)"
        }
        if let signingDate { return "\(type)af \(signingDate.danish)" }
        return title ?? sourceName
    }

    /// Every instruction of every amended act, in order.
    public var instructions: [Instruction] { amendments.flatMap(\.instructions) }

    /// The act's diagnostics and its instructions', in source order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + instructions.flatMap(\.diagnostics)).sorted { $0.range.start.offset < $1.range.start.offset }
    }

    /// The first in-force date the act's own §§ state.
    public var inForceDate: LegalDate? { ownProvisions.lazy.compactMap(\.inForceDate).first }
}
