import Paragraf

/// Node ids read as paths ("p17/stk3/pkt2").
enum IDPath {
    /// The first component ("p17/stk3" → "p17").
    static func first(_ id: NodeID) -> NodeID { id.topLevel }

    /// The subsection (or section) id holding a leaf id: "p1/stk2/pkt1" → "p1/stk2", "p1/pkt1" → "p1".
    static func subsection(_ id: NodeID) -> NodeID {
        // `prefix(2)` is the id itself when it has one step; the top-level id is made only when returned.
        let second = id.prefix(2)
        if second.depth == 2, case .subsection = second.last.step { return second }
        return id.topLevel
    }

    /// Whether `a` and `b` are the same id or one holds the other ("p17" and "p17/stk3").
    static func covers(_ a: NodeID, _ b: NodeID) -> Bool { a.contains(b) || b.contains(a) }

    /// `id` with "-" for every "/" (for anchors): "p17/stk3" → "p17-stk3".
    /// Ids are ASCII at every "/" (a step starts with its ASCII prefix), so the bytes are mapped: splitting
    /// the id into strings and joining them cost ≈ 3 400 instructions an anchor.
    static func dashed(_ id: NodeID) -> String {
        String(decoding: id.description.utf8.map { $0 == 0x2F ? 0x2D : $0 }, as: UTF8.self)
    }
}
