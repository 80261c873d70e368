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

/// A run of decoded text and where its raw bytes are.
struct TextPiece {
    var text: String
    var range: Range<Int>?
}

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

    // MARK: Headings

    mutating func labelOf(_ element: XMLElement) -> (String, SourceRange)? {
        guard let explicatus = element.first("Explicatus") else { return nil }
        let text = Bytes.normalized(explicatus.textContent)
        guard !text.isEmpty else { return nil }
        let r = locator.locate(explicatus.textContent, line: explicatus.line) ?? locator.lineRange(explicatus.line)
        return (text, source.range(r.lowerBound, r.upperBound))
    }

    mutating func titleOf(_ element: XMLElement) -> (String, SourceRange?)? {
        guard let rubrica = element.first("Rubrica") else { return nil }
        let pieces = textPieces(rubrica, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        return text.isEmpty ? nil : (text, pieceRange(pieces))
    }

    mutating func part(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["Afsnit", "AFSNIT"]) } ?? "\(element.attribute("localId") ?? "")"
        let title = titleOf(element)
        let children = body(element.elements)
        return container(
            .part, id: uniqueID(.part(number), under: nil, line: element.line),
            label: label, number: number, title: title, children: children, line: element.line)
    }

    mutating func chapter(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["Kapitel", "KAPITEL"]) } ?? (element.attribute("localId") ?? "")
        let title = titleOf(element)
        let children = body(element.elements)
        return container(
            .chapter, id: uniqueID(.chapter(number), under: nil, line: element.line),
            label: label, number: number, title: title, children: children, line: element.line)
    }

    // MARK: Sections

    mutating func section(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["§"]) } ?? (element.attribute("localId") ?? "?")
        let id = uniqueID(.section(number), under: nil, line: element.line)
        var children: [Node] = []
        let stks = element.elements("Stk")
        if stks.isEmpty {
            // An amending act's § holds its text and change numbers directly: one implicit stk.
            let content = element.elements.filter { $0.name != "Explicatus" && $0.name != "Rubrica" }
            children.append(subsection(content, id: ids.sequential(.subsection(1), under: id), number: "1", label: nil, line: element.line))
        } else {
            var count = 0
            for stk in stks {
                let stkLabel = labelOf(stk)
                count += 1
                var value = count
                if let stkLabel, let v = Int(Self.number(in: stkLabel.0, dropping: ["Stk", "stk"])) { value = v }
                count = value
                children.append(
                    subsection(
                        stk.elements.filter { $0.name != "Explicatus" }, id: uniqueID(.subsection(value), under: id, line: stk.line),
                        number: "\(value)", label: stkLabel, line: stk.line))
            }
        }
        var node = container(
            .section, id: id, label: label, number: number, title: nil, children: children, line: element.line)
        let text = node.plainText.lowercased()
        node.isRepealed = text.hasPrefix("(ophævet)") && text.count < 40
        return node
    }

    mutating func subsection(_ content: [XMLElement], id: NodeID, number: String, label: (String, SourceRange)?, line: Int)
        -> Node
    {
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        var itemCount = 0
        flow(content, ownerID: id, children: &children, sentences: &sentences, pending: &pending, items: &itemCount, nested: false)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: line)
        return container(.subsection, id: id, label: label, number: number, title: nil, children: children, line: line)
    }

    /// Walks the content of a stk. or item: text becomes sentences, `Index` items, `Nota` notes.
    mutating func flow(
        _ elements: [XMLElement], ownerID: NodeID, children: inout [Node], sentences: inout Int,
        pending: inout [TextPiece], items: inout Int, nested: Bool
    ) {
        for element in elements {
            switch element.name {
            case "Exitus":
                flow(element.elements, ownerID: ownerID, children: &children, sentences: &sentences, pending: &pending, items: &items, nested: nested)
            case "Linea":
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            case "Index":
                flushSentences(&pending, ownerID: ownerID, children: &children, sentences: &sentences, line: element.line)
                for indentatio in element.elements where indentatio.name == "Indentatio" {
                    items += 1
                    children.append(item(indentatio, parentID: ownerID, ordinal: items, nested: nested))
                }
            case "AendringsNummer":
                flushSentences(&pending, ownerID: ownerID, children: &children, sentences: &sentences, line: element.line)
                items += 1
                children.append(amendmentItem(element, parentID: ownerID, ordinal: items))
            case "Nota":
                footnote(element, anchor: ownerID)
            case "Explicatus":
                continue
            default:
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            }
        }
    }

    mutating func item(_ element: XMLElement, parentID: NodeID, ordinal: Int, nested: Bool) -> Node {
        let label = labelOf(element)
        var number = label.map { Self.itemNumber($0.0) } ?? "\(ordinal)"
        if number.isEmpty { number = "\(ordinal)" }
        let id = uniqueID(nested ? .litra(number) : .item(number), under: parentID, line: element.line)
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        var items = 0
        flow(
            element.elements.filter { $0.name != "Explicatus" }, ownerID: id, children: &children, sentences: &sentences,
            pending: &pending, items: &items, nested: true)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: element.line)
        return container(.item, id: id, label: label, number: number, title: nil, children: children, line: element.line)
    }

    /// "1. Efter § 53 indsættes: »§ 53 a. …«": the instruction's sentences, then the quoted new text as
    /// one sentence (its own "Stk. 2." and periods are part of the quotation, not sentence breaks).
    mutating func amendmentItem(_ element: XMLElement, parentID: NodeID, ordinal: Int) -> Node {
        let label = labelOf(element)
        var number = label.map { Self.itemNumber($0.0) } ?? "\(ordinal)"
        if number.isEmpty { number = "\(ordinal)" }
        let id = uniqueID(.item(number), under: parentID, line: element.line)
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        collectAmendment(
            element.elements.filter { $0.name != "Explicatus" }, pending: &pending, children: &children,
            sentences: &sentences, anchor: id, line: element.line)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: element.line)
        return container(.item, id: id, label: label, number: number, title: nil, children: children, line: element.line)
    }

    mutating func collectAmendment(
        _ elements: [XMLElement], pending: inout [TextPiece], children: inout [Node], sentences: inout Int,
        anchor: NodeID, line: Int
    ) {
        for element in elements {
            switch element.name {
            case "AendringNyTekst":
                let inner = textPieces(element, includeLabels: true)
                let quoted = Bytes.normalized(inner.map(\.text).joined())
                guard !quoted.isEmpty else { continue }
                flushSentences(&pending, ownerID: anchor, children: &children, sentences: &sentences, line: line)
                sentences += 1
                let text = quoted.hasPrefix("»") ? quoted : "»" + quoted + "«"
                let range = pieceRange(inner) ?? {
                    let r = locator.lineRange(element.line)
                    return source.range(r.lowerBound, r.upperBound)
                }()
                children.append(
                    Node(
                        kind: .sentence, id: uniqueID(.sentence(sentences), under: anchor, line: element.line),
                        number: "\(sentences)", text: text, range: range))
            case "Nota":
                footnote(element, anchor: anchor)
            case "Linea", "Explicatus":
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            default:
                collectAmendment(
                    element.elements, pending: &pending, children: &children, sentences: &sentences, anchor: anchor,
                    line: element.line)
            }
        }
    }

    // MARK: Text

    /// The text runs below `element` in document order, `Nota` skipped (recorded elsewhere), a space
    /// between `Linea`s and after labels.
    mutating func textPieces(_ element: XMLElement, includeLabels: Bool) -> [TextPiece] {
        var pieces: [TextPiece] = []
        collect(element, into: &pieces, includeLabels: includeLabels)
        return pieces
    }

    mutating func collect(_ element: XMLElement, into pieces: inout [TextPiece], includeLabels: Bool) {
        for child in element.children {
            switch child {
            case .text(let text, let line):
                if text.allSatisfy({ $0.isWhitespace }) {
                    if !text.isEmpty && !pieces.isEmpty { pieces.append(TextPiece(text: " ", range: nil)) }
                    continue
                }
                pieces.append(TextPiece(text: text, range: locator.locate(text, line: line)))
            case .element(let e):
                if e.name == "Nota" { continue }
                if e.name == "Explicatus" && !includeLabels { continue }
                let block = e.name == "Linea" || e.name == "Explicatus" || e.name == "Exitus" || e.name == "Stk"
                    || e.name == "Indentatio" || e.name == "Paragraf"
                if block && !pieces.isEmpty { pieces.append(TextPiece(text: " ", range: nil)) }
                collect(e, into: &pieces, includeLabels: includeLabels)
            }
        }
    }

    func pieceRange(_ pieces: [TextPiece]) -> SourceRange? {
        guard let first = pieces.first(where: { $0.range != nil })?.range,
            let last = pieces.last(where: { $0.range != nil })?.range
        else { return nil }
        return source.range(first.lowerBound, max(first.lowerBound, last.upperBound))
    }

    /// Splits the pending text into sentences appended to `children`, and clears it.
    mutating func flushSentences(
        _ pending: inout [TextPiece], ownerID: NodeID, children: inout [Node], sentences: inout Int, line: Int
    ) {
        defer { pending.removeAll() }
        guard pending.contains(where: { !Bytes.normalized($0.text).isEmpty }) else { return }
        // Join the pieces, remembering where each one starts in the joined bytes and in the file.
        var joined: [UInt8] = []
        var map: [(joinedStart: Int, joinedEnd: Int, file: Range<Int>?)] = []
        for piece in pending {
            let start = joined.count
            joined += Array(piece.text.utf8)
            map.append((start, joined.count, piece.range))
        }
        let fallback = locator.lineRange(line)
        func fileOffset(_ offset: Int, end: Bool) -> Int {
            for entry in map where offset >= entry.joinedStart && (offset < entry.joinedEnd || (end && offset == entry.joinedEnd)) {
                guard let file = entry.file else { continue }
                return min(file.upperBound, file.lowerBound + (offset - entry.joinedStart))
            }
            // A separator or a piece not found in the file: the nearest located piece.
            if end {
                return map.last(where: { $0.joinedStart < offset && $0.file != nil })?.file?.upperBound ?? fallback.upperBound
            }
            return map.first(where: { $0.joinedEnd > offset && $0.file != nil })?.file?.lowerBound ?? fallback.lowerBound
        }
        // The text parser's splitter and normalizer read a byte buffer (see ``Bytes``).
        let ranges = joined.withUnsafeBufferPointer { SentenceSplitter.split($0, 0, $0.count) }
        for r in ranges {
            let text = joined.withUnsafeBufferPointer { Bytes.normalized($0, r.lowerBound, r.upperBound) }
            guard !text.isEmpty else { continue }
            sentences += 1
            let start = fileOffset(r.lowerBound, end: false)
            let end = max(start, fileOffset(r.upperBound, end: true))
            let id = uniqueID(.sentence(sentences), under: ownerID, line: line)
            children.append(
                Node(kind: .sentence, id: id, number: "\(sentences)", text: text, range: source.range(start, end)))
        }
    }

    mutating func leaf(_ kind: NodeKind, step: NodeID.Step, under parent: NodeID?, pieces: [TextPiece], fallbackLine: Int) -> Node? {
        let text = Bytes.normalized(pieces.map(\.text).joined())
        guard !text.isEmpty else { return nil }
        let range = pieceRange(pieces) ?? {
            let r = locator.lineRange(fallbackLine)
            return source.range(r.lowerBound, r.upperBound)
        }()
        return Node(kind: kind, id: uniqueID(step, under: parent, line: fallbackLine), text: text, range: range)
    }

    func container(
        _ kind: NodeKind, id: NodeID, label: (String, SourceRange)?, number: String?, title: (String, SourceRange?)?,
        children: [Node], line: Int
    ) -> Node {
        let lineRange = locator.lineRange(line)
        var start = label?.1.start.offset ?? title?.1?.start.offset ?? children.first?.range.start.offset ?? lineRange.lowerBound
        start = min(start, children.first?.range.start.offset ?? start)
        var end = max(start, label?.1.end.offset ?? start, title?.1?.end.offset ?? start)
        if let last = children.last { end = max(end, last.range.end.offset) }
        return Node(
            kind: kind, id: id, label: label?.0, number: number, title: title?.0, range: source.range(start, end),
            labelRange: label?.1, titleRange: title?.1, children: children)
    }

    // MARK: Notes, annexes, signature, unknown elements

    mutating func footnote(_ element: XMLElement, anchor: NodeID?) {
        let marker = element.first("Explicatus").map { Bytes.normalized($0.textContent) }
        let pieces = textPieces(element, includeLabels: false)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        guard !text.isEmpty else { return }
        notes.append(DocumentNote(kind: .footnote, marker: marker, text: text, anchor: anchor, range: pieceRange(pieces)))
    }

    mutating func inForceNote(_ element: XMLElement) {
        var nested: [XMLElement] = []
        element.forEachElement { if $0.name == "Nota" { nested.append($0) } }
        let pieces = textPieces(element, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        if !text.isEmpty {
            notes.append(DocumentNote(kind: .inForce, text: text, range: pieceRange(pieces)))
        }
        for nota in nested { footnote(nota, anchor: nil) }
    }

    mutating func annex(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["Bilag", "BILAG"]) } ?? (element.attribute("localId") ?? "1")
        let id = uniqueID(.annex(number), under: nil, line: element.line)
        let title = titleOf(element)
        var blocks: [Node] = []
        for child in element.elements where child.name != "Explicatus" && child.name != "Rubrica" {
            let pieces = textPieces(child, includeLabels: true)
            if let node = leaf(.block, step: .block(blocks.count + 1), under: id, pieces: pieces, fallbackLine: child.line) {
                var block = node
                block.number = "\(blocks.count + 1)"
                blocks.append(block)
            }
        }
        return container(.annex, id: id, label: label, number: number, title: title, children: blocks, line: element.line)
    }

    mutating func signatureNode(_ group: XMLElement?, meta: XMLElement?) -> Node? {
        var pieces: [TextPiece] = []
        var line = group?.line ?? 0
        if let group {
            for child in group.elements {
                let inner = textPieces(child, includeLabels: true)
                if inner.contains(where: { !Bytes.normalized($0.text).isEmpty }) {
                    if !pieces.isEmpty { pieces.append(TextPiece(text: " ", range: nil)) }
                    pieces += inner
                }
            }
        }
        let stated = Bytes.normalized(pieces.map(\.text).joined())
        let hasDate = DanishDates.firstDate(in: stated) != nil
        if !hasDate, let meta {
            // Retsinformation serves UnderskriftGruppe empty; the printed signature is in Meta.
            let place = meta.first("PlaceOfSignature").map { Bytes.normalized($0.textContent) }
            let ministry = meta.first("Ministry").map { Bytes.normalized($0.textContent) }
            let date = meta.first("DiesSigni").flatMap { LegalDate(Bytes.normalized($0.textContent)) }
            let signers = meta.elements("Signature").map { Bytes.normalized($0.textContent) }.filter { !$0.isEmpty }
            if let date, let who = place ?? ministry {
                var text = "\(who), den \(date.danish)"
                if !signers.isEmpty { text += " " + signers.joined(separator: " / ") }
                if !stated.isEmpty { text = stated + " " + text }
                let signatureLines = meta.elements("Signature").map(\.line) + [meta.first("DiesSigni")?.line ?? 0]
                line = signatureLines.filter { $0 > 0 }.min() ?? meta.line
                let first = locator.lineRange(line).lowerBound
                let last = locator.lineRange(signatureLines.max() ?? line).upperBound
                return Node(kind: .signature, id: uniqueID(.signature, under: nil, line: line), text: text, range: source.range(first, last))
            }
        }
        if line == 0 { line = 1 }
        return leaf(.signature, step: .signature, under: nil, pieces: pieces, fallbackLine: line)
    }

    mutating func unplaced(_ element: XMLElement) -> Node? {
        let pieces = textPieces(element, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        guard !text.isEmpty else { return nil }
        unplacedCount += 1
        guard let node = leaf(.unplaced, step: .unplaced(unplacedCount), under: nil, pieces: pieces, fallbackLine: element.line) else {
            return nil
        }
        diagnostics.raise(XMLDiagnostic.unknownElement(name: element.name), at: node.range)
        return node
    }

    // MARK: Metadata

    mutating func readMetadata(_ meta: XMLElement?, root: Node) -> Metadata {
        var m = Metadata()
        func value(_ name: String) -> String? {
            guard let e = meta?.first(name) else { return nil }
            let v = Bytes.normalized(e.textContent)
            return v.isEmpty ? nil : v
        }
        m.title = value("DocumentTitle") ?? root.children.first { $0.kind == .title }?.text
        m.documentType = LexDaniaImporter.documentType(value("DocumentType"))
        if m.documentType == .unknown, let title = m.title?.lowercased() {
            if title.hasPrefix("bekendtgørelse af lov") { m.documentType = .lovbekendtgoerelse }
            else if title.hasPrefix("bekendtgørelse") { m.documentType = .bekendtgoerelse }
            else if title.hasPrefix("lov ") { m.documentType = .lov }
        }
        if let preamble = root.children.first(where: { $0.kind == .preamble })?.text,
            preamble.lowercased().contains("i medfør af") || preamble.lowercased().contains("bekendtgøres")
        {
            m.legalBasis = preamble
            m.legalBasisAct = Self.legalBasisAct(in: preamble)
        }
        m.ministry = value("Ministry")
        m.signingDate = value("DiesSigni").flatMap { LegalDate($0) }
        m.signers = (meta?.elements("Signature") ?? []).map { Bytes.normalized($0.textContent) }.filter { !$0.isEmpty }
        m.inForceDate = value("StartDate").flatMap { LegalDate($0) }
        m.endDate = value("EndDate").flatMap { LegalDate($0) }
        m.status = value("Status")
        m.accessionNumber = value("AccessionNumber")
        m.number = value("Number")
        m.year = value("Year").flatMap { Int($0) }
        if let year = m.year, let number = m.number { m.eli = LexDaniaImporter.eli(year: year, number: number) }
        for sentence in root.all(.sentence) {
            guard let text = sentence.text else { continue }
            if m.inForceDate == nil, let r = text.range(of: "træder i kraft") {
                m.inForceDate = DanishDates.firstDate(in: String(text[r.upperBound...]))
            }
            if text.contains("ophæves") { m.repeals += Self.repeals(in: text) }
        }
        if meta == nil {
            diagnostics.raise(XMLDiagnostic.noMeta, at: source.range(0, 0))
        } else if m.number == nil || m.year == nil {
            diagnostics.raise(XMLDiagnostic.noNumberOrYear, at: source.range(0, 0))
        }
        return m
    }

    /// "… i lov om sygedagpenge, jf. …" → "lov om sygedagpenge".
    static func legalBasisAct(in preamble: String) -> String? {
        let lower = preamble.lowercased()
        var end = lower.endIndex
        for stop in [", jf.", " fastsættes", ", som ændret"] {
            if let r = lower.range(of: stop), r.lowerBound < end { end = r.lowerBound }
        }
        guard let i = lower[..<end].range(of: " i ", options: .backwards) else { return nil }
        let act = String(preamble[i.upperBound..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        return act.lowercased().hasPrefix("lov") || act.lowercased().hasSuffix("loven") ? act : nil
    }

    /// "Bekendtgørelse nr. 205 af 22. marts 2001 … ophæves" → the instruments named.
    static func repeals(in sentence: String) -> [InstrumentReference] {
        var result: [InstrumentReference] = []
        let words: [(String, DocumentType)] = [
            ("lovbekendtgørelse nr. ", .lovbekendtgoerelse), ("bekendtgørelse nr. ", .bekendtgoerelse),
            ("lov nr. ", .lov), ("cirkulære nr. ", .cirkulaere),
        ]
        let lower = sentence.lowercased()
        var search = lower.startIndex
        while search < lower.endIndex {
            var best: (Range<String.Index>, DocumentType)?
            for (word, type) in words {
                if let r = lower.range(of: word, range: search..<lower.endIndex),
                    best == nil || r.lowerBound < best!.0.lowerBound
                {
                    best = (r, type)
                }
            }
            guard let (r, type) = best else { break }
            var numberEnd = r.upperBound
            while numberEnd < lower.endIndex, lower[numberEnd].isNumber { numberEnd = lower.index(after: numberEnd) }
            let number = String(lower[r.upperBound..<numberEnd])
            var end = numberEnd
            var date: LegalDate?
            let tail = String(sentence[numberEnd...])
            if tail.hasPrefix(" af "), let match = DanishDates.firstMatch(in: tail),
                tail.distance(from: tail.startIndex, to: match.range.lowerBound) <= 4
            {
                date = match.date
                end = sentence.index(numberEnd, offsetBy: tail.distance(from: tail.startIndex, to: match.range.upperBound))
            }
            if !number.isEmpty {
                result.append(
                    InstrumentReference(type: type, number: number, date: date, text: String(sentence[r.lowerBound..<end])))
            }
            search = end > r.lowerBound ? end : lower.index(after: r.lowerBound)
        }
        return result
    }

    // MARK: Numbers and ids

    /// "§ 53 a." → "53 a"; "Kapitel 6 a" → "6 a"; "Stk. 2." → "2".
    static func number(in label: String, dropping words: [String]) -> String {
        var s = Bytes.normalized(label)
        for w in words where s.hasPrefix(w) { s = String(s.dropFirst(w.count)) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " .§:"))
        return Bytes.normalized(s)
    }

    /// "1)" → "1"; "a)" → "a"; "1." → "1".
    static func itemNumber(_ label: String) -> String {
        label.trimmingCharacters(in: CharacterSet(charactersIn: " .)(")).replacingOccurrences(of: " ", with: "")
    }

    /// The id of a new node `step` under `parent`, with an `X005` warning at `line` when it was given before.
    mutating func uniqueID(_ step: NodeID.Step, under parent: NodeID?, line: Int) -> NodeID {
        let allocation = ids.unique(step, under: parent)
        if let repeated = allocation.repeated {
            let r = locator.lineRange(line)
            diagnostics.raise(
                XMLDiagnostic.duplicateID(repeated: repeated, id: allocation.id), at: source.range(r.lowerBound, r.lowerBound))
        }
        return allocation.id
    }
}
