import Foundation

/// Closing containers (moving their children off the node stack) and unique ids.
extension ParserCore {
    /// The node of a closing container, its children moved off the stack.
    mutating func finish(_ c: Container) -> Node {
        assert(c.childStart <= nodes.count, "a container's children are on top of the stack")
        let lastRange = nodes.lastRange(above: c.childStart)
        var end = c.end
        if let lastRange { end = max(end, lastRange.end.offset) }
        let nodeRange = range(c.start, end)
        return Node(
            kind: c.kind, id: c.id, label: c.label, number: c.number, title: c.title, range: nodeRange,
            labelRange: c.labelRange, titleRange: c.titleRange, isRepealed: c.isRepealed, children: nodes.popArray(from: c.childStart))
    }

    mutating func closeLitra() {
        guard let l = litra else { return }
        let node = finish(l)
        if item != nil { nodes.push(node) }
        litra = nil
    }

    mutating func closeItem() {
        closeLitra()
        guard let i = item else { return }
        let node = finish(i)
        if stk != nil { nodes.push(node) }
        item = nil
    }

    mutating func closeStk() {
        closeItem()
        guard let s = stk else { return }
        let node = finish(s)
        if section != nil { nodes.push(node) }
        stk = nil
    }

    mutating func closeSection() {
        closeStk()
        guard let s = section else { return }
        let node = finish(s)
        appendToChapter(node)
        if !pendingRangeSections.isEmpty {
            let at = node.range.end.offset
            for (number, repealed) in pendingRangeSections {
                let id = uniqueID(.section(format(number)), under: nil, at: at)
                appendToChapter(
                    Node(kind: .section, id: id, number: format(number), range: source.range(at, at), isRepealed: repealed))
            }
            pendingRangeSections = []
        }
        section = nil
    }

    mutating func appendToChapter(_ node: Node) {
        nodes.push(node)  // to the chapter, the part or the top level, whichever is open
    }

    mutating func closeChapter() {
        closeSection()
        guard let c = chapter else { return }
        let node = finish(c)
        nodes.push(node)  // to the part or the top level
        chapter = nil
    }

    mutating func closePart() {
        closeChapter()
        guard let p = part else { return }
        let node = finish(p)
        nodes.push(node)
        part = nil
    }

    mutating func closeAll() {
        closePart()
    }

    /// The id of a new node `step` under `parent`, with a P012 warning when it was given before (the repeat
    /// gets the next occurrence, `p5~2`).
    mutating func uniqueID(_ step: NodeID.Step, under parent: NodeID?, at offset: Int) -> NodeID {
        let allocation = ids.unique(step, under: parent)
        if let repeated = allocation.repeated {
            diagnostics.raise(.duplicateID(repeated: repeated, id: allocation.id), at: source.range(offset, offset))
        }
        return allocation.id
    }
}
