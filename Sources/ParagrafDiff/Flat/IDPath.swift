import Paragraf

/// Node ids read as paths ("p17/stk3/pkt2").
enum IDPath {
    /// The first component ("p17/stk3" → "p17").
    static func first(_ id: NodeID) -> NodeID { id.topLevel }

    /// The subsection (or section) id holding a leaf id: "p1/stk2/pkt1" → "p1/stk2", "p1/pkt1" → "p1".
    static func subsection(_ id: NodeID) -> NodeID {
        let top = id.topLevel
        let second = id.prefix(2)
        if second != top, case .subsection = second.last.step { return second }
        return top
    }

    /// Whether `a` and `b` are the same id or one holds the other ("p17" and "p17/stk3").
    static func covers(_ a: NodeID, _ b: NodeID) -> Bool { a.contains(b) || b.contains(a) }

    /// `id` with "-" for every "/" (for anchors): "p17/stk3" → "p17-stk3".
    static func dashed(_ id: NodeID) -> String { id.joined(separator: "-") }
}
