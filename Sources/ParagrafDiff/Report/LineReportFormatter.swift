import Paragraf

/// A formatter that renders a ``DocumentDiff`` one line at a time: ``TextReportFormatter``,
/// ``MarkdownReportFormatter`` and ``HTMLReportFormatter``.
///
/// From its lines it gets ``format(_:)``, the whole report, and ``write(_:to:)``, the same text handed out in
/// pieces of about 64 KB, so that the report of two long texts (several times their size) is never held whole.
public protocol LineReportFormatter: Sendable {
    /// Hands the report of `diff` to `line` one line at a time, each without its newline.
    func writeLines<Failure: Error>(_ diff: DocumentDiff, to line: (String) throws(Failure) -> Void) throws(Failure)
}

extension LineReportFormatter {
    /// The report: its lines, each followed by a newline.
    public func format(_ diff: DocumentDiff) -> String {
        var text = ""
        write(diff) { text += $0 }
        return text
    }

    /// Writes the report that ``format(_:)`` returns, piece by piece, to `output`: about 64 KB of whole lines at
    /// a time. It throws only what `output` throws, and stops there.
    ///
    /// ```swift
    /// try HTMLReportFormatter().write(diff) { piece in try FileHandle.standardOutput.write(contentsOf: Data(piece.utf8)) }
    /// ```
    public func write<Failure: Error>(_ diff: DocumentDiff, to output: (String) throws(Failure) -> Void) throws(Failure) {
        var piece = ""
        try writeLines(diff) { line throws(Failure) in
            piece += line
            piece += "\n"
            if piece.utf8.count >= Self.pieceSize {
                try output(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { try output(piece) }
    }

    /// The UTF-8 size at which ``write(_:to:)`` hands out the lines it has gathered.
    static var pieceSize: Int { 1 << 16 }
}
