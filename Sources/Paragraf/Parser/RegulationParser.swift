import Foundation

/// Parses raw Danish regulation text (bekendtgørelser, love, lovbekendtgørelser) into a ``Document``.
///
/// The parser works on UTF-8 bytes in one forward pass. It never throws on content: text it cannot
/// place goes into an ``NodeKind/unplaced`` node with a diagnostic, so every non-whitespace byte of
/// the input lies in exactly one leaf, label or title range. See the DocC article "How the parser
/// reads a regulation" for the rules that tell a § heading from a citation of a §.
public enum RegulationParser {
    /// Parses raw bytes (UTF-8 with or without BOM, CRLF, Windows-1252 or ISO-8859-1).
    /// - Complexity: O(n) in the input length.
    public static func parse(_ input: [UInt8], sourceName: String = "-") -> ParsedDocument {
        let decoded = InputDecoder.decode(input)
        let source = SourceText(bytes: decoded.bytes)
        var diagnostics: [Diagnostic] = []
        switch decoded.encoding {
        case .windows1252, .mixed:
            let first = decoded.firstInvalidOffset ?? 0
            let count = decoded.invalidCount
            // The first invalid byte's offset moves by one per earlier repaired byte; zero here.
            diagnostics.raise(
                decoded.encoding == .windows1252 ? ParserDiagnostic.transcoded(invalidBytes: count) : .repairedUTF8(invalidBytes: count),
                at: source.range(first, first + 1))
        case .utf8BOM:
            diagnostics.raise(ParserDiagnostic.byteOrderMark, at: source.range(0, 3))
        case .utf8:
            break
        }
        // The parser reads the decoded bytes through their buffer (see ``Bytes`` for the measured reason).
        let document = decoded.bytes.withUnsafeBufferPointer { buffer in
            var core = ParserCore(b: buffer, source: source, diagnostics: diagnostics)
            core.inputControls = decoded.controls
            return core.run(sourceName: sourceName, encoding: decoded.encoding)
        }
        return ParsedDocument(document: document, source: source)
    }

    /// Parses a string.
    public static func parse(text: String, sourceName: String = "-") -> ParsedDocument {
        parse(Array(text.utf8), sourceName: sourceName)
    }
}
