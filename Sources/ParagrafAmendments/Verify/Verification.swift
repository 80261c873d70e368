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
