import Foundation
import Paragraf

/// Reads Retsinformation's LexDania XML into the same ``Document`` model the text parser produces.
///
/// Mapping:
/// - `Meta` → ``Metadata``: `DocumentType` (BEK/LBK/LOV…), `DocumentTitle`, `Number`, `Year`, `DiesSigni`
///   (signing), `StartDate` (in force), `EndDate`, `Status`, `AccessionNumber`, `Ministry`, `Signature`s;
///   the ELI `https://www.retsinformation.dk/eli/lta/{year}/{number}` is derived from year and number.
/// - `TitelGruppe` → the title node; `Indledning`/`Hymne` → the preamble.
/// - `Bog`/`Afsnit` without a heading are transparent; with an `Explicatus` an `Afsnit` is a part.
/// - `Kapitel` → chapter (`Explicatus` label, `Rubrica` title); `ParagrafGruppe` is transparent and its
///   `Rubrica` (a heading over a group of §§) becomes the `title` of the group's first section.
/// - `Paragraf`, `AendringCentreretParagraf`, `IkraftCentreretParagraf` → section; `Stk` → subsection
///   (the first is `stk1` even without a label); `Exitus`/`Linea`/`Char` text → sentences split by
///   ``SentenceSplitter``; `Index`/`Indentatio` → items (nested ones are litra); an amending act's
///   `AendringsNummer` ("1.") → an item: the instruction's sentences, then the quoted new text in »…« as
///   one sentence.
/// - `Nota` → a ``DocumentNote`` (footnote) anchored to the enclosing node; `Ikraft` (amending acts'
///   in-force provisions printed after a consolidated act) → a ``DocumentNote`` of kind `inForce`.
/// - `UnderskriftGruppe` → the signature; when it is empty (as Retsinformation often serves it), the
///   signature text is composed from `Meta` ("Fødevarestyrelsen, den 19. januar 2024 Nikolaj Veje /
///   Birthe Schubart") and its range points at the `Meta` signature elements.
/// - Anything else inside `DokumentIndhold` is kept in an `unplaced` node with an `X010` warning.
///
/// Ranges index the XML file's bytes: a leaf's range runs from the first to the last byte of its raw
/// text in the file (markup between `Linea`s included); a container's from its label to its last leaf.
/// Text is located by searching forward from the line libxml2 reports (see `TextLocator`).
public enum LexDaniaImporter {
    /// Whether `root` is a LexDania document (`<Dokument>` with `Meta` or `DokumentIndhold`).
    public static func isLexDania(_ root: XMLElement) -> Bool {
        root.name == "Dokument" && (root.first("Meta") != nil || root.first("DokumentIndhold") != nil)
    }

    /// Parses LexDania XML bytes. Malformed XML gives an empty document with `X001` errors.
    public static func read(_ bytes: [UInt8], sourceName: String = "-") -> ParsedDocument {
        let source = SourceText(bytes: bytes)
        let parsed = SafeXMLParser.parseXML(bytes, source: source)
        guard let root = parsed.root else {
            return ParsedDocument(
                document: emptyDocument(sourceName: sourceName, source: source, diagnostics: parsed.diagnostics),
                source: source)
        }
        return ParsedDocument(
            document: convert(root, source: source, sourceName: sourceName, diagnostics: parsed.diagnostics),
            source: source)
    }

    /// Converts a parsed LexDania tree; `source` must be the bytes it was parsed from.
    public static func convert(
        _ root: XMLElement, source: SourceText, sourceName: String, diagnostics: [Diagnostic] = []
    ) -> Document {
        var builder = LexDaniaBuilder(source: source, diagnostics: diagnostics)
        return builder.build(root, sourceName: sourceName)
    }

    static func emptyDocument(sourceName: String, source: SourceText, diagnostics: [Diagnostic]) -> Document {
        let n = source.bytes.count
        return Document(
            sourceName: sourceName, encoding: encoding(of: source.bytes), sourceLength: n, metadata: Metadata(),
            root: Node(kind: .document, id: .document, range: source.range(0, n)), diagnostics: diagnostics)
    }

    static func encoding(of bytes: [UInt8]) -> SourceEncoding {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? .utf8BOM : .utf8
    }

    static func documentType(_ code: String?) -> DocumentType {
        guard let code = code?.trimmingCharacters(in: .whitespaces).uppercased() else { return .unknown }
        if code.hasPrefix("LBK") { return .lovbekendtgoerelse }
        if code.hasPrefix("BEK") { return .bekendtgoerelse }
        if code.hasPrefix("LOV") { return .lov }
        if code.hasPrefix("CIR") { return .cirkulaere }
        if code.hasPrefix("VEJ") { return .vejledning }
        return .unknown
    }

    /// The ELI of a Lovtidende A document.
    public static func eli(year: Int, number: String) -> String {
        "https://www.retsinformation.dk/eli/lta/\(year)/\(number)"
    }
}
