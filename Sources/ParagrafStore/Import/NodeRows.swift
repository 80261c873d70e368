import Paragraf

/// The walk from a parsed tree to its node rows, and back: the only place the store reads or builds `Node`s.
///
/// Rows are in document order (depth first, the root first), so a node's subtree is the run of rows from it to
/// its `last`.
enum NodeRows {
    /// The rows of `document`'s tree.
    /// - Complexity: O(n) in the number of nodes.
    static func build(_ document: Document) -> [NodeRow] {
        var rows: [NodeRow] = []
        rows.reserveCapacity(256)
        append(document.root, parent: -1, into: &rows)
        return rows
    }

    private static func append(_ node: Node, parent: Int32, into rows: inout [NodeRow]) {
        let ordinal = Int32(rows.count)
        rows.append(
            NodeRow(
                parent: parent, last: ordinal, kind: node.kind, path: node.id.description, number: node.number, label: node.label,
                title: node.title, text: node.text, start: node.range.start.offset, end: node.range.end.offset,
                labelRange: node.labelRange?.offsets, titleRange: node.titleRange?.offsets, isRepealed: node.isRepealed))
        for child in node.children { append(child, parent: ordinal, into: &rows) }
        rows[Int(ordinal)].last = Int32(rows.count - 1)
    }

    /// The tree of the rows `rows[range]` (a node and its subtree), positions computed from `lines`.
    static func tree(_ rows: [NodeRow], root: Int, lines: LineTable) -> Node {
        func range(_ r: Range<Int>) -> SourceRange { lines.range(r) }
        func make(_ i: Int) -> (Node, Int) {
            let row = rows[i]
            var children: [Node] = []
            var j = i + 1
            let last = Int(row.last)
            while j <= last {
                let (child, next) = make(j)
                children.append(child)
                j = next
            }
            let node = Node(
                kind: row.kind, id: NodeID(parsing: row.path) ?? NodeID(stringLiteral: row.path), label: row.label, number: row.number,
                title: row.title, text: row.text,
                range: range(row.start..<row.end), labelRange: row.labelRange.map(range),
                titleRange: row.titleRange.map(range), isRepealed: row.isRepealed, children: children)
            return (node, last + 1)
        }
        return make(root).0
    }
}
