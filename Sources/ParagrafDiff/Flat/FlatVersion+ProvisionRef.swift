import Paragraf

extension FlatVersion {
    /// The citation of `node` ("§ 17, stk. 3"), computed once.
    func citation(_ node: Int) -> String {
        if let c = citations[node] { return c }
        let kind = nodes.kind(at: node)
        // Only chapters, annexes and their blocks are cited by their number (the table's). A stk., nr. or pkt.
        // is its parent's citation and one part (``Address/citation(of:parent:parentKind:parentCitation:)``).
        let numbered = kind == .chapter || kind == .annex || kind == .block
        let id = nodes.id(at: node)
        let c: String
        if kind == .subsection || kind == .item || kind == .sentence, let parent = nodes.parent(of: node),
            let chained = Address.citation(
                of: id, parent: nodes.id(at: parent), parentKind: nodes.kind(at: parent), parentCitation: citation(parent))
        {
            c = chained
        } else {
            c = ProvisionRef.citation(kind: kind, id: id, number: numbered ? nodes.number(at: node) : nil)
        }
        citations[node] = c
        return c
    }

    /// The reference the diff gives node `node`: id, citation, chapter, caption and range.
    func ref(_ node: Int) -> ProvisionRef {
        // Captions orient readers in tables of chapters and §§; finer levels are shown with their text.
        let kind = nodes.kind(at: node)
        let captioned: Bool
        switch kind {
        case .chapter, .section, .annex, .part, .preamble: captioned = true
        default: captioned = false
        }
        return ProvisionRef(
            id: nodes.id(at: node), citation: citation(node), kind: kind, chapter: chapterID(node),
            caption: captioned ? caption(node) : "", range: location(of: nodes.range(at: node)))
    }

    /// A chapter's title, or the first eight words of a provision (split at spaces; " …" when there are
    /// more), computed once.
    func caption(_ node: Int) -> String {
        if let known = captions[node] { return known }
        let tree = nodes.node(at: node)
        let caption = tree.title ?? Self.firstWords(of: tree)
        captions[node] = caption
        return caption
    }

    /// The first eight words of the texts of `tree` and its subtree, in document order (" …" when there are
    /// more). Only the first leaves are read: a caption must not cost the size of the provision.
    private static func firstWords(of tree: Node) -> String {
        // Room for eight words of a usual length, so that the buffer is not regrown byte by byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        var words = 0
        // The subtree in document order: the lists of siblings begun, each with the position of the next one
        // to read (each node is read in place in its list, not copied out of it).
        var open: [(siblings: [Node], next: Int)] = []
        open.reserveCapacity(4)
        var text = tree.text
        var children = tree.children
        reading: while true {
            if let text {
                var inWord = false
                // Read through the string's own bytes (a span): iterating the UTF-8 view cost about three
                // times as many instructions a byte.
                let utf8 = text.utf8.span
                for i in utf8.indices {
                    let c = utf8[i]
                    if c == 0x20 {
                        inWord = false
                        continue
                    }
                    if !inWord {
                        inWord = true
                        words += 1
                        if words > 8 { break reading }
                        if words > 1 { bytes.append(0x20) }
                    }
                    bytes.append(c)
                }
            }
            if !children.isEmpty { open.append((children, 0)) }
            // The next node: the first child just opened, or the next sibling of the innermost list not done.
            while let last = open.last, last.next == last.siblings.count { open.removeLast() }
            guard let last = open.indices.last else { break }
            let k = open[last].next
            open[last].next += 1
            text = open[last].siblings[k].text
            children = open[last].siblings[k].children
        }
        if words > 8 { bytes += " …".utf8 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
