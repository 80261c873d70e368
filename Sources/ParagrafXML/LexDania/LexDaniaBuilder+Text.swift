import Foundation
import Paragraf

/// Text: pieces of raw text with their bytes, sentences and leaves.
extension LexDaniaBuilder {
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
                let block =
                    e.name == "Linea" || e.name == "Explicatus" || e.name == "Exitus" || e.name == "Stk"
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
        let range =
            pieceRange(pieces)
            ?? {
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

}
