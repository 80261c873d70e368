/// An entry of a module's diagnostic catalogue: a finding with its stable code, its severity and its
/// message, declared in one place (``ParserDiagnostic`` for the text parser; `ReferenceDiagnostic` and
/// `XMLDiagnostic` in the other modules).
///
/// ```swift
/// diagnostics.append(ParserDiagnostic.duplicateID(repeated: "p5", id: "p5~2").at(range))
/// ```
public protocol DiagnosticMessage: Sendable {
    /// The stable code ("P012").
    var code: String { get }
    /// How serious it is.
    var severity: Severity { get }
    /// The one-line message.
    var message: String { get }
}

extension DiagnosticMessage {
    /// The diagnostic at `range`.
    public func at(_ range: SourceRange) -> Diagnostic { Diagnostic(self, at: range) }
}

extension Array where Element == Diagnostic {
    /// Appends `message` at `range`.
    public mutating func raise(_ message: some DiagnosticMessage, at range: SourceRange) {
        append(Diagnostic(message, at: range))
    }
}
