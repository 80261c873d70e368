/// A finding about the input, with a stable code, a severity, a message and where it is.
///
/// Codes are stable across releases so that scripts can filter on them: `P0xx` for the text
/// parser (``ParserDiagnostic``), `R0xx` for references, `X0xx` for XML, `C0xx` for the corpus. Each
/// module declares its diagnostics in one catalogue (code, severity, message) and raises one in a line:
/// `diagnostics.append(ParserDiagnostic.empty.at(range))`.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// Stable code such as `P003`.
    public var code: String
    /// How serious it is.
    public var severity: Severity
    /// A one-line human message.
    public var message: String
    /// Where in the source it applies.
    public var range: SourceRange

    /// Creates a diagnostic.
    public init(code: String, severity: Severity, message: String, range: SourceRange) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// A diagnostic of a catalogue entry at `range`.
    public init(_ message: some DiagnosticMessage, at range: SourceRange) {
        self.init(code: message.code, severity: message.severity, message: message.message, range: range)
    }

    /// Compiler-style rendering: `file:line:col: warning[P003]: message`, the source line and a caret.
    public func rendered(file: String, source: SourceText) -> String {
        let location = source.locations.location(of: range.start)
        var out = "\(file):\(location.line):\(location.column): \(severity.rawValue)[\(code)]: \(message)"
        if !source.bytes.isEmpty {
            // Decode at most a bounded window of the line: 100 000 findings on one 2 MB line must not cost
            // 100 000 × 2 MB. 1024 bytes hold more than the 200 characters shown, so the output is unchanged.
            let lineStart = source.lineStarts[location.line - 1]
            let lineEnd = location.line < source.lineStarts.count ? source.lineStarts[location.line] - 1 : source.bytes.count
            let windowEnd = min(lineEnd, lineStart + 1024)
            var line = source.string(lineStart..<windowEnd)
            if windowEnd == lineEnd, line.hasSuffix("\r") { line.removeLast() }
            let shown = line.count > 200 || windowEnd < lineEnd ? String(line.prefix(200)) + "…" : line
            out += "\n    " + shown
            if location.offset - lineStart <= 1024 {
                let prefixBytes = Array(source.bytes[lineStart..<location.offset])
                let caretColumn = String(decoding: prefixBytes, as: UTF8.self).count
                if caretColumn <= 200 {
                    out += "\n    " + String(repeating: " ", count: caretColumn) + "^"
                }
            }
        }
        return out
    }
}
