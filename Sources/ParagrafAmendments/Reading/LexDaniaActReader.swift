import Paragraf
import ParagrafXML

/// Reads an amending act's LexDania XML through ``LexDaniaImporter``: each `AendringCentreretParagraf` is a §,
/// its first sentences the introduction, each `AendringsNummer` an instruction whose sentences are its
/// definition, the quoted new text (one »…« sentence) and any renumbering clause (`Rykningsklausul`).
/// `IkraftCentreretParagraf` and other §§ are the act's own provisions.
enum LexDaniaActReader {
    static func read(_ bytes: [UInt8], sourceName: String) -> (RawAct, SourceText) {
        let parsed = LexDaniaImporter.read(bytes, sourceName: sourceName)
        let document = parsed.document
        let source = parsed.source
        var raw = RawAct()
        raw.title = document.metadata.title
        raw.documentType = document.metadata.documentType
        raw.number = document.metadata.number
        raw.year = document.metadata.year
        raw.signingDate = document.metadata.signingDate
        raw.diagnostics = document.diagnostics
        for section in document.sections {
            var entry = RawAct.Section(
                number: section.number ?? "?", range: section.range.offsets, intro: RawText(), instructions: [])
            for stk in section.children where stk.kind == .subsection {
                if stk.label != nil, let range = stk.labelRange { entry.intro.append(piece(stk.label ?? "", range.offsets, source)) }
                for child in stk.children {
                    switch child.kind {
                    case .item where isInstruction(child):
                        var text = RawText()
                        collect(child, into: &text, source: source, labels: false)
                        let number = (child.label ?? child.number ?? "").trimmingCharacters(".")
                        entry.instructions.append((number, text))
                    default:
                        if var last = entry.instructions.popLast() {
                            // Text after the instructions belongs to the last one.
                            collect(child, into: &last.text, source: source, labels: true)
                            entry.instructions.append(last)
                        } else {
                            collect(child, into: &entry.intro, source: source, labels: true)
                        }
                    }
                }
            }
            raw.sections.append(entry)
        }
        return (raw, source)
    }

    /// An amendment number ("1.") rather than a list item ("1)").
    static func isInstruction(_ node: Node) -> Bool { node.label?.hasSuffix(".") ?? false }

    /// The leaves of `node` as pieces, labels of nested items included when `labels`.
    static func collect(_ node: Node, into text: inout RawText, source: SourceText, labels: Bool) {
        if labels, let label = node.label, let range = node.labelRange { text.append(piece(label, range.offsets, source)) }
        if let t = node.text, !t.isEmpty { text.append(piece(t, node.range.offsets, source)) }
        for child in node.children { collect(child, into: &text, source: source, labels: true) }
    }

    /// A piece, exact when the text is the raw bytes of its range.
    static func piece(_ text: String, _ range: Range<Int>, _ source: SourceText) -> RawText.Piece {
        RawText.Piece(text: text, range: range, exact: source.string(range) == text)
    }
}
