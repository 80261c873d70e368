import Paragraf

/// One § the parser found.
struct ParsedSection {
    /// Nil when its number is no § number the scorer can read.
    var key: SectionKey?
    var chapter: ChapterNumber?
    /// Its subsection children.
    var subsections: Int
    /// Where it starts in the text.
    var offset: Int
}

enum ParsedSections {
    /// The §§ of a parsed tree in document order, each with the chapter it lies in. A node numbered as a range or
    /// list ("28-30", "168 og 169") counts as its first §.
    static func collect(_ document: Document) -> [ParsedSection] {
        var result: [ParsedSection] = []
        walk(document.root, chapter: nil, into: &result)
        return result
    }

    static func walk(_ node: Node, chapter: ChapterNumber?, into result: inout [ParsedSection]) {
        switch node.kind {
        case .section:
            let text = node.number ?? ""
            let head = text.components(separatedBy: " og ")[0]
            let first = head.split(separator: "-", maxSplits: 1).first.map(String.init) ?? head
            result.append(
                ParsedSection(
                    key: SectionKey(first), chapter: chapter,
                    subsections: node.children.reduce(0) { $0 + ($1.kind == .subsection ? 1 : 0) },
                    offset: node.range.offsets.lowerBound))
        case .chapter:
            let number = node.number.flatMap(ChapterNumber.init)
            for child in node.children { walk(child, chapter: number, into: &result) }
        case .document, .part:
            for child in node.children { walk(child, chapter: chapter, into: &result) }
        default:
            break
        }
    }
}
