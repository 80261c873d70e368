import Paragraf

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
