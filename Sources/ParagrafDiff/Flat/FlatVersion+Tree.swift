import Paragraf

extension FlatVersion {
    /// The children of `parents`, parent after parent, whose kind `wanted` accepts.
    func children(of parents: some Collection<Int>, where wanted: (NodeKind) -> Bool) -> [Int] {
        var result: [Int] = []
        for parent in parents {
            nodes.forEachChild(of: parent) { if wanted(nodes.kind(at: $0)) { result.append($0) } }
        }
        return result
    }

    /// The chapter id of `node` ("kap5"), if it stands in a chapter.
    func chapterID(_ node: Int) -> NodeID? {
        let c = rows[node].chapter
        return c >= 0 ? nodes.id(at: Int(c)) : nil
    }

    /// Whether `node` is a leaf with text of its own (which has a text atom).
    func isTextLeaf(_ node: Int) -> Bool { rows[node].textAtom >= 0 }
}
