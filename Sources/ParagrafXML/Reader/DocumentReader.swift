import Paragraf

/// The one entry point for reading a regulation from bytes, whatever their format.
///
/// The format is decided by content, never by file name: LexDania XML goes to ``LexDaniaImporter``,
/// HTML (and any other markup) to ``HTMLImporter``, a dataset document (a JSON object with `provisions`) to
/// ``DatasetReader``, everything else to ``RegulationParser``.
public enum DocumentReader {
    /// Sniffs the format from the first bytes (BOM and leading whitespace skipped).
    /// - Complexity: O(1); looks at most at the first 4 KiB.
    public static func detect(_ bytes: [UInt8]) -> DocumentFormat {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        if DatasetReader.looksLikeDataset(bytes) { return .dataset }
        guard i < bytes.count, bytes[i] == 0x3C else { return .text }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 4096)], as: UTF8.self)
        if head.contains("<Dokument") && (head.contains("<Meta") || head.contains("<DokumentIndhold")) { return .lexDania }
        let lower = head.lowercased()
        let markup = ["<!doctype", "<html", "<head", "<body", "<?xml", "<p", "<div", "<main", "<article", "<section", "<h1", "<!--"]
        if markup.contains(where: { lower.hasPrefix($0) }) || lower.contains("<body") || lower.contains("<p>") {
            return .html
        }
        return .text
    }

    /// Reads `bytes` in whichever format they are in.
    public static func read(_ bytes: [UInt8], sourceName: String = "-") -> ParsedDocument {
        switch detect(bytes) {
        case .lexDania: return LexDaniaImporter.read(bytes, sourceName: sourceName)
        case .html: return HTMLImporter.read(bytes, sourceName: sourceName)
        case .text: return RegulationParser.parse(bytes, sourceName: sourceName)
        case .dataset: return DatasetReader.read(bytes, sourceName: sourceName)
        }
    }
}
