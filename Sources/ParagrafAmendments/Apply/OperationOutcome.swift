import Paragraf

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
