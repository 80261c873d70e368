import Paragraf

/// An act with an amending act's instructions applied: the outcome of each instruction, the amended text and
/// its tree.
public struct AppliedAct: Sendable {
    /// The version of the JSON schema (`paragraf apply --format json`).
    public static let schemaVersion = 1

    /// The part of the amending act that was applied.
    public var amendment: ActAmendment
    /// One per instruction, in order.
    public var outcomes: [InstructionOutcome]
    /// The amended act as plain text (the layout of ``PlainTextFormatter``).
    public var text: String
    /// The amended act parsed from ``text`` (ranges index ``text``).
    public var parsed: ParsedDocument
    /// The amended act's body (chapters, §§ and what stands between them) as provisions, for comparisons.
    public var body: [Provision]

    /// Creates a result.
    public init(amendment: ActAmendment, outcomes: [InstructionOutcome], text: String, parsed: ParsedDocument, body: [Provision]) {
        self.amendment = amendment
        self.outcomes = outcomes
        self.text = text
        self.parsed = parsed
        self.body = body
    }

    /// Whether every instruction was read and applied.
    public var isFullyApplied: Bool { outcomes.allSatisfy { $0.status == .applied } }

    /// Every change of every instruction.
    public var changes: [ProvisionChange] { outcomes.flatMap(\.changes) }
}
