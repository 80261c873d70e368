/// Finding the node at a byte offset of the source.
extension NodeTable {
    /// The innermost row whose range holds byte `offset` (`start <= offset < end`): the sentence, not its
    /// stk. or §; nil when no row's range holds it (a gap between nodes, an offset past the text).
    ///
    /// A reader lays a node's children out inside its range and siblings one after another, so the row
    /// starting last at or before `offset` is the innermost row holding it, or lies inside that row: it is
    /// found by halving the rows by start and walking up from there. Where ranges overlap otherwise
    /// (no reader builds such a tree), the answer is a row holding `offset`, not always the innermost.
    ///
    /// ```swift
    /// let nodes = parsed.document.nodeTable()
    /// let start = nodes.range(at: nodes.row(of: "p17/stk3/pkt2")!).start.offset
    /// nodes.row(containing: start).map(nodes.id(at:))   // "p17/stk3/pkt2"
    /// ```
    /// - Complexity: O(log n + depth), without allocating.
    public func row(containing offset: Int) -> Int? {
        let sorted = !rowsByStart.isEmpty
        // The rows by start: document order itself, unless a reader placed a node away from its text.
        func row(_ k: Int) -> Int { sorted ? Int(rowsByStart[k]) : k }
        // The first row (by start) starting after `offset`.
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if range(at: row(mid)).start.offset <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        var current: Int? = row(low - 1)
        while let r = current {
            if offset < range(at: r).end.offset && range(at: r).start.offset <= offset { return r }
            current = parent(of: r)
        }
        return nil
    }
}
