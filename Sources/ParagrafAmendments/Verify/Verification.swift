import Paragraf

/// The check of a published consolidation against a base version and an amending act: every instruction
/// applied, every provision of the applied act compared with the consolidation's, and every change the diff
/// engine finds between base and consolidation explained.
public struct Verification: Codable, Hashable, Sendable {
    /// The version of the JSON schema (`paragraf verify --format json`).
    public static let schemaVersion = 1

    /// The base version ("LBK 9/2022" or the file name).
    public var base: String
    /// The amending act ("LOV nr. 1547 af 12. december 2023, § 1").
    public var amendingAct: String
    /// The consolidation checked.
    public var consolidated: String
    /// The act amended, as the amending act names it.
    public var target: String
    /// How each instruction was applied.
    public var instructions: [InstructionOutcome]
    /// Every § of the applied act and of the consolidation, paired by number.
    public var provisions: [ProvisionComparison]
    /// The chapters (number, heading, membership), when both sources have them.
    public var chapters: [ProvisionComparison]
    /// What the consolidation says about itself: the version and the amending act it includes, the in-force
    /// provision it keeps as a note.
    public var statements: [Statement]
    /// Every change the diff engine finds between base and consolidation, with what explains it.
    public var changes: [ExplainedChange]
    /// Parts not compared, and why ("chapter titles: LBK 9/2022's source does not hold them").
    public var notCompared: [String]

    /// Creates a verification.
    public init(
        base: String, amendingAct: String, consolidated: String, target: String, instructions: [InstructionOutcome],
        provisions: [ProvisionComparison], chapters: [ProvisionComparison], statements: [Statement],
        changes: [ExplainedChange], notCompared: [String]
    ) {
        self.base = base
        self.amendingAct = amendingAct
        self.consolidated = consolidated
        self.target = target
        self.instructions = instructions
        self.provisions = provisions
        self.chapters = chapters
        self.statements = statements
        self.changes = changes
        self.notCompared = notCompared
    }

    /// Instructions not (fully) applied.
    public var failedInstructions: [InstructionOutcome] { instructions.filter { $0.status != .applied } }
    /// Provisions (and chapters) that do not agree.
    public var disagreements: [ProvisionComparison] { (chapters + provisions).filter { !$0.status.agrees } }
    /// Changes nothing explains.
    public var unexplained: [ExplainedChange] { changes.filter { $0.explanation == .unexplained } }
    /// Statements of the consolidation that do not hold.
    public var failedStatements: [Statement] { statements.filter { $0.status == .fails } }

    /// Whether everything agrees: every instruction applied, every provision equal, every change explained.
    public var agrees: Bool {
        failedInstructions.isEmpty && disagreements.isEmpty && unexplained.isEmpty && failedStatements.isEmpty
    }
}

/// One § (or chapter) of the applied act and of the consolidation.
public struct ProvisionComparison: Codable, Hashable, Sendable {
    /// How the two compare.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Same text (whitespace aside), same stk., same chapter.
        case agree
        /// Both have it; the text, the stk. or the chapter differ (see ``differences``).
        case differ
        /// Only the applied act has it: the consolidation lacks a provision the instructions give.
        case onlyApplied
        /// Only the consolidation has it: nothing in the base or the instructions gives it.
        case onlyConsolidated
        /// An amending act's in-force provision that one source prints as a § after the act and the other as
        /// a note: the texts agree.
        case agreesWithNote

        /// Whether the status is agreement.
        public var agrees: Bool { self == .agree || self == .agreesWithNote }
    }

    /// "§ 66", "kapitel 11", "§ 24 (after the act)".
    public var citation: String
    /// How they compare.
    public var status: Status
    /// The instructions that changed it ("1", "2").
    public var instructions: [String]
    /// What differs, part by part (stk. by stk., or the chapter and heading).
    public var differences: [TextDifference]

    /// Creates a comparison.
    public init(citation: String, status: Status, instructions: [String] = [], differences: [TextDifference] = []) {
        self.citation = citation
        self.status = status
        self.instructions = instructions
        self.differences = differences
    }
}

/// A part of a provision whose text differs: both texts, and the words that differ.
public struct TextDifference: Codable, Hashable, Sendable {
    /// "§ 66, stk. 3", "kapitel 11 heading", "§ 53 a: chapter".
    public var citation: String
    /// The text in the first version (the applied act, or the base), if it has the part.
    public var old: String?
    /// The text in the second (the consolidation), if it has the part.
    public var new: String?
    /// The words around and in the difference: "… at [-4.374 kr.-] {+6.515 kr.+} for …".
    public var excerpt: String

    /// Creates a difference.
    public init(citation: String, old: String?, new: String?) {
        self.citation = citation
        self.old = old
        self.new = new
        self.excerpt = TextComparison.excerpt(old ?? "", new ?? "")
    }
}

/// Something the consolidation says about itself, checked.
public struct Statement: Codable, Hashable, Sendable {
    /// Holds, fails, or is not in the consolidation's source.
    public enum Status: String, Codable, Hashable, Sendable {
        /// The consolidation says it.
        case holds
        /// The consolidation says otherwise, or leaves it out.
        case fails
        /// The consolidation's source does not hold the part that would say it.
        case notStated
    }

    /// What is checked ("names lovbekendtgørelse nr. 9 af 6. januar 2022 as the version it consolidates").
    public var claim: String
    /// Holds, fails or not stated.
    public var status: Status
    /// The consolidation's words, or why it is not stated.
    public var detail: String

    /// Creates a statement.
    public init(claim: String, status: Status, detail: String) {
        self.claim = claim
        self.status = status
        self.detail = detail
    }
}

/// A change the diff engine finds between base and consolidation, and what explains it.
public struct ExplainedChange: Codable, Hashable, Sendable {
    /// What explains a change.
    public enum Explanation: String, Codable, Hashable, Sendable {
        /// An instruction of the amending act (``ExplainedChange/instructions``).
        case instruction
        /// The consolidation's own metadata (its number, date, signers), which every new LBK changes.
        case consolidation
        /// A part one of the sources does not hold (a partial document: no chapter titles, no signature).
        case partialSource
        /// Text one source prints in the provisions and the other as a note (footnotes, earlier acts'
        /// in-force provisions).
        case notes
        /// The same text, read or encoded differently by the two sources (items inline in one, XML entities).
        case sameText
        /// Nothing: a difference the instructions do not give.
        case unexplained
    }

    /// The level: "chapter", "section", "subsection", "item", "annex", "preamble", "metadata".
    public var level: String
    /// The diff engine's status ("added", "removed", "modified", "renumbered", …, or "changed" for metadata).
    public var status: String
    /// The provision in the base ("§ 66, stk. 3"), or the metadata field.
    public var old: String?
    /// The provision in the consolidation.
    public var new: String?
    /// What explains it.
    public var explanation: Explanation
    /// The instructions that explain it ("1", "2").
    public var instructions: [String]
    /// For anything but an instruction: what the explanation rests on; for an unexplained change, both texts.
    public var detail: String?

    /// Creates an explained change.
    public init(
        level: String, status: String, old: String?, new: String?, explanation: Explanation, instructions: [String] = [],
        detail: String? = nil
    ) {
        self.level = level
        self.status = status
        self.old = old
        self.new = new
        self.explanation = explanation
        self.instructions = instructions
        self.detail = detail
    }

    /// "§ 66, stk. 3 → § 66, stk. 4", "— → § 53 a", "§ 66" (same on both sides), "signingDate".
    public var arrow: String {
        if level == "metadata" { return old ?? new ?? "" }
        if let old, old == new { return old }
        return "\(old ?? "—") → \(new ?? "—")"
    }
}
