/// Reads one document of the dataset's JSON format (one object of `documents-dev.jsonl`, or a file of
/// `works/<work>/`) into the same ``Document`` model the text parser produces.
///
/// ```swift
/// let parsed = DatasetReader.read(bytes, sourceName: "2022_959.json")
/// parsed.document.sections.count            // 38
/// parsed.document.absentParts               // [.title, .preamble, .chapterTitles, .annexes, .signature]
/// parsed.document.metadata.repeals[0].number // "1077"
/// ```
///
/// Mapping:
/// - `title` → ``Metadata/title``; `short_name` → ``Metadata/documentType``; `issued_date` →
///   ``Metadata/signingDate``; `url` → ``Metadata/eli`` (without its `/xml`), with ``Metadata/year`` and
///   ``Metadata/number``; `description` → ``Metadata/accessionNumber``; `status` → ``Metadata/status``.
/// - Each provision's `content` goes through ``RegulationParser`` (stk., items, litra, sentences), its §
///   checked against the `section` field. A heading written without its period ("§ 35 Bekendtgørelsen …") is
///   read as "§ 35." with a `D011` note. The in-force date and the repealed instruments
///   (``Metadata/inForceDate``, ``Metadata/repeals``) come from the provisions' texts, as for a text.
/// - Consecutive provisions with the same `chapter` form a chapter node (`kap4`, label "Kapitel 4", no title:
///   the format has none); provisions without one stand at the top level.
/// - The document is *partial* (``Document/absentParts``): the format has no title block, preamble, chapter
///   titles, annexes or signature, and the tree has no nodes for them.
///
/// Ranges index the JSON file's bytes, by the rule the LexDania importer follows for XML: a leaf's range runs
/// from the first to the last byte of its raw text in the file (inside the `content` string, escapes
/// undecoded: a `\"` is two bytes of the range), a label's range covers the label's raw bytes, and a container's
/// range runs from its label to its last leaf. A chapter's label range is the raw value of the `chapter` field
/// of its first provision. Node `text` is the decoded, whitespace-normalized text. The root spans the file.
///
/// The reader never throws and never stops on content: malformed or truncated JSON, wrong field types,
/// provisions without text, nesting deeper than 64 levels, invalid UTF-8 are each reported as a `D0xx`
/// diagnostic (``DatasetDiagnosticCode``) at the file's line:column, and everything read before a fatal error
/// is kept. Linear in the input.
public enum DatasetReader {
    /// Whether `bytes` look like a dataset document: a JSON object (BOM and whitespace skipped) whose first
    /// 4 KiB name `"provisions"`, `"short_name"` or `"issued_date"`.
    /// - Complexity: O(1); looks at most at the first 4 KiB.
    public static func looksLikeDataset(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count, bytes[i] == 0x7B else { return false }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 4096)], as: UTF8.self)
        return head.contains("\"provisions\"") || head.contains("\"short_name\"") || head.contains("\"issued_date\"")
    }

    /// The parts of a regulation the dataset's format never holds.
    public static let absentParts: [DocumentPart] = [.title, .preamble, .chapterTitles, .annexes, .signature]

    /// Reads a dataset document. See ``DatasetReader`` for the mapping and the range rule.
    public static func read(_ bytes: [UInt8], sourceName: String = "-") -> ParsedDocument {
        let source = SourceText(bytes: bytes)
        var builder = DatasetTreeBuilder(source: source)
        let document = builder.build(bytes, sourceName: sourceName)
        return ParsedDocument(document: document, source: source)
    }

    /// Only the fields of a dataset document (no parse of the provisions' texts), with the diagnostics met
    /// reading them; for an importer that wants the metadata first.
    public static func record(_ bytes: [UInt8]) -> (record: DatasetRecord?, diagnostics: [Diagnostic]) {
        let source = SourceText(bytes: bytes)
        var builder = DatasetTreeBuilder(source: source)
        let record = builder.readRecord(bytes)
        return (record, builder.diagnostics)
    }
}
