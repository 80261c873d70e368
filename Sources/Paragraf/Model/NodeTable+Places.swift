/// Where a node stands: its ancestors, its place as a reader names it, the § around it.
extension NodeTable {
    /// The nodes from the outermost ancestor (the document root excluded) down to the node in `row`.
    /// - Complexity: O(depth).
    public func path(toRow row: Int) -> [Node] {
        var rows: [Int] = []
        var r: Int? = row
        while let current = r, kind(at: current) != .document {
            rows.append(current)
            r = parent(of: current)
        }
        // Walk down once from the root, keeping each node on the way.
        var result: [Node] = []
        var node = root
        for current in rows.reversed() {
            node = node.children[position(of: current)]
            result.append(node)
        }
        return result
    }

    /// The nodes from the outermost ancestor (the document root excluded) down to the node with `id`; empty
    /// when there is none.
    public func path(to id: NodeID) -> [Node] { row(of: id).map(path(toRow:)) ?? [] }

    /// The parent of the node with `id`.
    public func parent(of id: NodeID) -> Node? { row(of: id).flatMap(parent(of:)).map(node(at:)) }

    /// The place of a node as a reader names it: "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3".
    public func place(of id: NodeID) -> String {
        path(to: id).map { node in
            if node.kind == .chapter || node.kind == .part || node.kind == .annex, let title = node.title {
                return node.citationLabel + " " + title
            }
            return node.citationLabel
        }.joined(separator: " › ")
    }

    /// The section (§) that contains the node with `id`, if any.
    public func section(containing id: NodeID) -> Node? {
        path(to: id).first { $0.kind == .section }
    }

    /// Every node in document order.
    public var allNodes: [Node] {
        var result: [Node] = []
        result.reserveCapacity(count)
        forEachRow { _, node in result.append(node) }
        return result
    }

    /// The ids in document order.
    public var order: [NodeID] { (0..<count).map(id(at:)) }

    /// The position of `row` among its parent's children.
    private func position(of row: Int) -> Int {
        guard let parent = parent(of: row) else { return 0 }
        var position = 0
        var child = parent + 1
        while child < row {
            child = subtreeEnd(of: child)
            position += 1
        }
        return position
    }
}
