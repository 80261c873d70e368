import Foundation
import Paragraf

/// Builds a ``Document`` from a LexDania tree (``LexDaniaImporter`` describes the mapping): the document and
/// its body here; provisions, text, notes, annexes, the signature and metadata in the extensions.
struct LexDaniaBuilder {
    let source: SourceText
    var diagnostics: [Diagnostic]
    var locator: TextLocator
    var ids = NodeIDAllocator()
    var notes: [DocumentNote] = []
    var unplacedCount = 0

    init(source: SourceText, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
        self.locator = TextLocator(source: source)
    }

    // MARK: Document

    mutating func build(_ root: XMLElement, sourceName: String) -> Document {
        let meta = root.first("Meta")
        var children: [Node] = []
        if let titles = root.first("TitelGruppe") {
            let pieces = textPieces(titles, includeLabels: true)
            if let node = leaf(.title, step: .title, under: nil, pieces: pieces, fallbackLine: titles.line) { children.append(node) }
        }
        var preamble: [TextPiece] = []
        var preambleLine = 0
        if let content = root.first("DokumentIndhold") {
            for element in content.elements where element.name == "Indledning" || element.name == "Hymne" {
                if preambleLine == 0 { preambleLine = element.line }
                if !preamble.isEmpty { preamble.append(TextPiece(text: " ", range: nil)) }
                preamble += textPieces(element, includeLabels: true)
            }
            if let node = leaf(.preamble, step: .preamble, under: nil, pieces: preamble, fallbackLine: preambleLine) {
                children.append(node)
            }
            children += body(content.elements.filter { $0.name != "Indledning" && $0.name != "Hymne" })
        }
        for element in root.elements where element.name.hasPrefix("Bilag") {
            children.append(annex(element))
        }
        if let signature = signatureNode(root.first("UnderskriftGruppe"), meta: meta) { children.append(signature) }
        for element in root.elements {
            switch element.name {
            case "Meta", "TitelGruppe", "DokumentIndhold", "UnderskriftGruppe": continue
            default:
                if element.name.hasPrefix("Bilag") { continue }
                if let node = unplaced(element) { children.append(node) }
            }
        }
        let n = source.bytes.count
        let rootNode = Node(kind: .document, id: .document, range: source.range(0, n), children: children)
        var metadata = readMetadata(meta, root: rootNode)
        if !notes.isEmpty { metadata.notes = notes }
        diagnostics.sort { ($0.range.start.offset, $0.code) < ($1.range.start.offset, $1.code) }
        return Document(
            sourceName: sourceName, encoding: LexDaniaImporter.encoding(of: source.bytes), sourceLength: n,
            metadata: metadata, root: rootNode, diagnostics: diagnostics)
    }

    /// Converts the elements of `DokumentIndhold`, a `Bog`, an `Afsnit` or a `ParagrafGruppe`.
    mutating func body(_ elements: [XMLElement]) -> [Node] {
        var nodes: [Node] = []
        for element in elements {
            switch element.name {
            case "Bog", "Del":
                nodes += body(element.elements)
            case "Afsnit":
                if element.first("Explicatus") != nil {
                    nodes.append(part(element))
                } else {
                    nodes += body(element.elements)
                }
            case "Kapitel":
                nodes.append(chapter(element))
            case "ParagrafGruppe":
                nodes += group(element)
            case "Paragraf", "AendringCentreretParagraf", "IkraftCentreretParagraf":
                nodes.append(section(element))
            case "Ikraft":
                inForceNote(element)
            case "Explicatus", "Rubrica":
                continue  // handled by the container
            default:
                if element.name.hasPrefix("Bilag") {
                    nodes.append(annex(element))
                } else if let node = unplaced(element) {
                    nodes.append(node)
                }
            }
        }
        return nodes
    }

    mutating func group(_ element: XMLElement) -> [Node] {
        var heading: (String, SourceRange?)?
        if let rubrica = element.first("Rubrica") {
            let pieces = textPieces(rubrica, includeLabels: true)
            let text = Bytes.normalized(pieces.map(\.text).joined())
            if !text.isEmpty { heading = (text, pieceRange(pieces)) }
        }
        var nodes = body(element.elements)
        if let heading, let first = nodes.firstIndex(where: { $0.kind == .section }) {
            nodes[first].title = heading.0
            nodes[first].titleRange = heading.1
            if let r = heading.1 { nodes[first].range = source.range(r.start.offset, nodes[first].range.end.offset) }
        }
        return nodes
    }

}
