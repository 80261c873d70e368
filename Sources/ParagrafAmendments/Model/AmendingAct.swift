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

/// The part of an amending act that amends one act: "§ 1. I lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af
/// 6. januar 2022, foretages følgende ændringer: 1. … 2. …".
public struct ActAmendment: Codable, Hashable, Sendable {
    /// The amending act's § ("1").
    public var section: String
    /// The amended act as named ("lov om hold af dyr", "dyrevelfærdsloven").
    public var actName: String
    /// The version named, by type, number and date ("lovbekendtgørelse nr. 9 af 6. januar 2022").
    public var instrument: InstrumentReference?
    /// The introductory sentence as written.
    public var introduction: String
    /// The numbered instructions (one unnumbered instruction when the § makes a single change).
    public var instructions: [Instruction]
    /// Where the § is in the source.
    public var range: SourceRange

    /// Creates an amendment.
    public init(
        section: String, actName: String, instrument: InstrumentReference?, introduction: String,
        instructions: [Instruction], range: SourceRange
    ) {
        self.section = section
        self.actName = actName
        self.instrument = instrument
        self.introduction = introduction
        self.instructions = instructions
        self.range = range
    }

    /// The act as the introduction names it: "lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar
    /// 2022", "bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje".
    public var target: String {
        if introduction.hasPrefix("I "), let end = introduction.range(of: " foretages følgende ændring") {
            let named = introduction[introduction.index(introduction.startIndex, offsetBy: 2)..<end.lowerBound]
            return named.trimmingCharacters(",")
        }
        guard let instrument else { return actName }
        return actName + ", jf. " + instrument.text
    }
}

/// One numbered instruction ("2. I § 66 indsættes efter stk. 2 som nyt stykke: »…« Stk. 3-6 bliver herefter
/// stk. 4-7.") with the operations read from it.
public struct Instruction: Codable, Hashable, Sendable {
    /// How much of the instruction was read.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Every clause became an operation.
        case read
        /// Some clauses became operations; the rest is in the diagnostics.
        case partlyRead
        /// Nothing could be read: the text and a diagnostic say why.
        case unread
    }

    /// The number as written, without its period ("2"); empty for the single unnumbered instruction of a §.
    public var number: String
    /// The whole instruction, whitespace normalized, quotations included.
    public var text: String
    /// Where it is in the source.
    public var range: SourceRange
    /// The operations, in the order the instruction gives them.
    public var operations: [AmendmentOperation]
    /// How much was read.
    public var status: Status
    /// What the reader could not read, with positions.
    public var diagnostics: [Diagnostic]

    /// Creates an instruction.
    public init(
        number: String, text: String, range: SourceRange, operations: [AmendmentOperation], status: Status,
        diagnostics: [Diagnostic] = []
    ) {
        self.number = number
        self.text = text
        self.range = range
        self.operations = operations
        self.status = status
        self.diagnostics = diagnostics
    }
}

/// A § of the amending act that amends nothing: "Loven træder i kraft den 1. januar 2024."
public struct OwnProvision: Codable, Hashable, Sendable {
    /// The § number ("6").
    public var section: String
    /// The text, stk. labels included.
    public var text: String
    /// The in-force date it states, if it is an in-force provision.
    public var inForceDate: LegalDate?
    /// Where it is in the source.
    public var range: SourceRange

    /// Creates a provision.
    public init(section: String, text: String, inForceDate: LegalDate?, range: SourceRange) {
        self.section = section
        self.text = text
        self.inForceDate = inForceDate
        self.range = range
    }

    /// Whether the § is about entry into force ("træder i kraft").
    public var isInForce: Bool { text.contains("træder i kraft") || text.contains("træde i kraft") }
}

/// An amending act and the source its ranges index.
public struct ReadAmendingAct: Sendable {
    /// The act.
    public var act: AmendingAct
    /// The source text (for XML, the XML bytes).
    public var source: SourceText

    /// Creates a read act.
    public init(act: AmendingAct, source: SourceText) {
        self.act = act
        self.source = source
    }
}
