import Foundation

/// Text: the bytes after the last marker go to whoever owns them, split into sentences (pkt.) or annex
/// blocks, as leaves with their ranges.
extension ParserCore {
    /// Hands the bytes `[textStart, end)` to whoever owns them now.
    mutating func flushText(upTo end: Int) {
        let start = Bytes.skipSpace(b, textStart, end)
        defer { textStart = max(textStart, end) }
        let trimmed = Bytes.trimEnd(b, start, end)
        guard trimmed > start else {
            if owner == .front { addFront(start: 0, end: 0) }
            return
        }
        switch owner {
        case .front:
            addFront(start: start, end: trimmed)
        case .stk:
            if let section, section.isRepealed, stk.map({ nodes.count == $0.childStart }) ?? true {
                let stkID = stk?.id ?? section.id  // the stk. is open whenever text goes to it
                let node = leaf(.sentence, id: ids.sequential(.sentence(1), under: stkID), number: "1", start, trimmed)
                if stk != nil { nodes.push(node) }
                stk?.sentences = 1
            } else {
                stk = withSentences(start, trimmed, in: stk.take())
            }
        case .item:
            item = withSentences(start, trimmed, in: item.take())
        case .litra:
            litra = withSentences(start, trimmed, in: litra.take())
        case .annex:
            appendBlocks(start, trimmed)
        case .signature:
            let id = uniqueID(.signature, under: nil, at: start)
            nodes.push(leaf(.signature, id: id, number: nil, start, trimmed))
        case .loose:
            unplacedCount += 1
            let id = uniqueID(.unplaced(unplacedCount), under: nil, at: start)
            let node = leaf(.unplaced, id: id, number: nil, start, trimmed)
            diagnostics.raise(.unplacedAfterHeading, at: source.range(start, trimmed))
            nodes.push(node)  // to the chapter, the part or the top level, whichever is open
        }
    }

    /// Pushes the sentences of `[start, end)` as children of `container` (the innermost open one), which
    /// the caller takes out of its field (`stk.take()`) so that counting them does not copy it.
    mutating func withSentences(_ start: Int, _ end: Int, in container: Container?) -> Container? {
        guard var c = container else { return nil }
        var ranges: [Range<Int>] = []
        swap(&ranges, &sentenceRanges)
        defer { sentenceRanges = ranges }
        ranges.removeAll(keepingCapacity: true)
        SentenceSplitter.split(b, start, end, into: &ranges)
        for range in ranges {
            c.sentences += 1
            // Unique without a lookup: the container's id is unique and the counter only grows.
            let number = Self.numberString(c.sentences)
            nodes.push(
                leaf(.sentence, id: ids.sequential(.sentence(c.sentences), under: c.id), number: number, range.lowerBound, range.upperBound)
            )
        }
        return c
    }

    /// Pushes the blocks of `[start, end)` as children of the open annex.
    mutating func appendBlocks(_ start: Int, _ end: Int) {
        guard let a = annex.take() else { return }
        for range in AnnexBlocks.split(b, start, end) {
            let number = nodes.count - a.childStart + 1
            let text = Self.numberString(number)
            let id = ids.sequential(.block(number), under: a.id)  // unique: the annex id is, and the number only grows
            nodes.push(leaf(.block, id: id, number: text, range.lowerBound, range.upperBound))
        }
        annex = a
    }

    /// A leaf over `[start, end)` with its normalized text; a sentence that may hold a keyword is kept for
    /// the metadata.
    mutating func leaf(_ kind: NodeKind, id: NodeID, number: String?, _ start: Int, _ end: Int) -> Node {
        let text = Bytes.normalized(b, start, end)
        if kind == .sentence && MetadataExtractor.mayHoldKeyword(b, start, end) {
            keywordSentences.append(text)
        }
        return Node(kind: kind, id: id, number: number, text: text, range: range(start, end))
    }

    /// The range `[start, end)`.
    func range(_ start: Int, _ end: Int) -> SourceRange { source.range(start, end) }

    /// "1" … "99": sentence and block numbers without formatting an integer for each leaf.
    static let smallNumbers: [String] = (0..<100).map { String($0) }

    static func numberString(_ value: Int) -> String {
        value >= 0 && value < smallNumbers.count ? smallNumbers[value] : String(value)
    }
}
