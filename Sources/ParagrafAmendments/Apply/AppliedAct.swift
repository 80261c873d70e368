import Paragraf

/// What an operation did to a provision: its address in the base and in the result.
public struct ProvisionChange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// New.
        case inserted
        /// Gone (a § stays as "§ 7. (Ophævet)").
        case repealed
        /// Words changed.
        case amended
        /// Given new wording whole.
        case rewritten
        /// Given a new number.
        case renumbered
    }

    /// What happened.
    public var kind: Kind
    /// The provision in the base (nil when inserted).
    public var before: TargetAddress?
    /// The provision in the result (nil when removed).
    public var after: TargetAddress?

    /// Creates a change.
    public init(kind: Kind, before: TargetAddress?, after: TargetAddress?) {
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// "§ 66, stk. 3 → § 66, stk. 4 (renumbered)", "§ 53 a (inserted)".
    public var description: String {
        switch (before, after) {
        case (let b?, let a?) where b != a: "\(b) → \(a) (\(kind.rawValue))"
        case (_, let a?): "\(a) (\(kind.rawValue))"
        case (let b?, nil): "\(b) (\(kind.rawValue))"
        default: kind.rawValue
        }
    }
}

/// How one operation went.
public struct OperationOutcome: Codable, Hashable, Sendable {
    /// Applied or not.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Done.
        case applied
        /// Not done: ``message`` says why, with both texts.
        case failed
    }

    /// The operation.
    public var operation: AmendmentOperation
    /// Applied or not.
    public var status: Status
    /// Why it failed ("»4.374 kr.« does not occur in § 15, stk. 1").
    public var message: String?
    /// What the instruction expects to find (the quoted words, the address).
    public var expected: String?
    /// What the act holds there, as it stood when the operation came (the provision's text, or its numbers).
    public var found: String?
    /// The provisions it changed.
    public var changes: [ProvisionChange]
    /// The diagnostic of a failure, at the instruction in the amending act.
    public var diagnostics: [Diagnostic]

    /// Creates an outcome.
    public init(
        operation: AmendmentOperation, status: Status, message: String? = nil, expected: String? = nil, found: String? = nil,
        changes: [ProvisionChange] = [], diagnostics: [Diagnostic] = []
    ) {
        self.operation = operation
        self.status = status
        self.message = message
        self.expected = expected
        self.found = found
        self.changes = changes
        self.diagnostics = diagnostics
    }
}

/// How one instruction went.
public struct InstructionOutcome: Codable, Hashable, Sendable {
    /// Applied, partly, not, or never read.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Every operation applied.
        case applied
        /// Some operations applied, some failed (or part of the instruction was unread).
        case partlyApplied
        /// No operation applied.
        case failed
        /// The instruction could not be read, so nothing was applied.
        case unread
    }

    /// The instruction.
    public var instruction: Instruction
    /// The outcome.
    public var status: Status
    /// One per operation, in order.
    public var operations: [OperationOutcome]
    /// What concerns the instruction as a whole: not read (`A025`), two provisions with one number after it
    /// (`A023`).
    public var diagnostics: [Diagnostic]

    /// Creates an outcome.
    public init(instruction: Instruction, status: Status, diagnostics: [Diagnostic] = [], operations: [OperationOutcome]) {
        self.instruction = instruction
        self.status = status
        self.diagnostics = diagnostics
        self.operations = operations
    }

    /// Every diagnostic of the instruction and its operations.
    public var allDiagnostics: [Diagnostic] { diagnostics + operations.flatMap(\.diagnostics) }

    /// The provisions the instruction changed.
    public var changes: [ProvisionChange] { operations.flatMap(\.changes) }
}

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
