/// How serious a diagnostic is.
public enum Severity: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
    /// Worth knowing; nothing was lost or guessed.
    case note
    /// Something was repaired, guessed or could not be placed; the tree still holds every byte.
    case warning
    /// The input is not what it claims to be (for example an unreadable file).
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about the input, with a stable code, a severity, a message and where it is.
///
/// Codes are stable across releases so that scripts can filter on them: `P0xx` for the text
/// parser (see ``DiagnosticCode``), `R0xx` for references, `X0xx` for XML, `C0xx` for the corpus.
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

/// The stable codes of the text parser's diagnostics.
public enum DiagnosticCode {
    /// Input was not valid UTF-8; bytes were decoded as Windows-1252.
    public static let transcoded = "P001"
    /// Input starts with a UTF-8 byte order mark.
    public static let byteOrderMark = "P002"
    /// Input is empty or holds only whitespace.
    public static let empty = "P003"
    /// Text that could not be placed in the structure (kept in an `unplaced` node).
    public static let unplaced = "P004"
    /// A section number out of order or repeated.
    public static let sectionOrder = "P005"
    /// A subsection number out of order or repeated.
    public static let subsectionOrder = "P006"
    /// An item number out of order.
    public static let itemOrder = "P007"
    /// A chapter number out of order or repeated.
    public static let chapterOrder = "P008"
    /// Binary or control bytes in the input.
    public static let controlBytes = "P009"
    /// No structure (no § or chapter) was recognised.
    public static let noStructure = "P010"
    /// Metadata that could not be read (title, signature, dates).
    public static let metadata = "P011"
    /// A node id that repeats; a suffix was added to keep ids unique.
    public static let duplicateID = "P012"
    /// Input uses CRLF line ends.
    public static let crlf = "P013"
}
