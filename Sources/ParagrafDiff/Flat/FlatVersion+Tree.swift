import Paragraf

extension FlatVersion {
    var root: Int { 0 }

    /// The direct children of `node`.
    func children(_ node: Int) -> [Int] {
        let end = Int(nodes[node].end)
        // Counted first, so the list is allocated once.
        var count = 0
        var c = node + 1
        while c < end {
            count += 1
            c = Int(nodes[c].end)
        }
        if count == 0 { return [] }
        // Reserved and appended: the specialized growth path, not a run-time metadata lookup.
        var result: [Int] = []
        result.reserveCapacity(count)
        c = node + 1
        for _ in 0..<count {
            result.append(c)
            c = Int(nodes[c].end)
        }
        return result
    }

    /// The children of `parents`, parent after parent, whose kind `wanted` accepts: counted first, so that
    /// the list is allocated once.
    func children(of parents: some Collection<Int>, where wanted: (NodeKind) -> Bool) -> [Int] {
        var count = 0
        for parent in parents {
            var c = parent + 1
            while c < Int(nodes[parent].end) {
                if wanted(nodes[c].kind) { count += 1 }
                c = Int(nodes[c].end)
            }
        }
        if count == 0 { return [] }
        var result: [Int] = []
        result.reserveCapacity(count)
        for parent in parents {
            var c = parent + 1
            while c < Int(nodes[parent].end) {
                if wanted(nodes[c].kind) { result.append(c) }
                c = Int(nodes[c].end)
            }
        }
        return result
    }

    /// Every node of `kind`, in document order.
    func all(_ kind: NodeKind) -> [Int] { nodes.indices.filter { nodes[$0].kind == kind } }

    /// The node with `id` (the last one, if several have it).
    func node(_ id: NodeID) -> Int? {
        if idTable == nil {
            var table: [NodeID: Int32] = [:]
            table.reserveCapacity(nodes.count)
            for k in nodes.indices { table[nodes[k].id] = Int32(k) }
            idTable = table
        }
        return idTable![id].map(Int.init)
    }

    /// The chapter id of `node` ("kap5"), if it stands in a chapter.
    func chapterID(_ node: Int) -> NodeID? {
        let c = nodes[node].chapter
        return c >= 0 ? nodes[Int(c)].id : nil
    }
}
