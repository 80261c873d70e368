import Paragraf

extension FlatVersion {
    // MARK: Tree

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
    ///
    /// When every id is ASCII, ids are found in an open-addressing table hashed over their bytes (no
    /// `Hasher` per id); otherwise in a dictionary.
    func node(_ id: String) -> Int? {
        if idSlots == nil { buildIDSlots() }
        if let slots = idSlots, !slots.isEmpty {
            var query = id
            guard let h = query.withUTF8({ FlatVersion.asciiHash($0) }) else {
                // A non-ASCII id may still equal an ASCII one (canonical equivalence): ask every node.
                return nodes.indices.last { nodes[$0].id == id }
            }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while true {
                let k = Int(slots[slot])
                if k < 0 { return nil }
                if idHashes[k] == h && nodes[k].id == id { return k }
                slot = (slot + 1) & mask
            }
        }
        return dictionaryNode(id)
    }

    /// The node ``node(_:)`` finds for the id of node `k` (the last node with that id), looked up once per
    /// node: two nodes have the same id exactly when their canonical nodes agree.
    func canonical(_ k: Int) -> Int {
        if canonicalNodes.isEmpty { canonicalNodes = [Int32](repeating: -1, count: nodes.count) }
        if canonicalNodes[k] < 0 { canonicalNodes[k] = Int32(node(nodes[k].id) ?? k) }
        return Int(canonicalNodes[k])
    }


    /// FNV-1a over ASCII bytes; nil when a byte is not ASCII.
    private static func asciiHash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b {
            if c >= 0x80 { return nil }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private func buildIDSlots() {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(nodes.count)
        for k in nodes.indices {
            var id = nodes[k].id
            guard let h = id.withUTF8({ FlatVersion.asciiHash($0) }) else {
                idSlots = []
                return
            }
            hashes.append(h)
        }
        var size = 16
        while size < 2 * nodes.count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for k in nodes.indices {
            let h = hashes[k]
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while true {
                let other = Int(slots[slot])
                if other < 0 || (hashes[other] == h && nodes[other].id == nodes[k].id) {
                    slots[slot] = Int32(k)  // a later node with the same id replaces the earlier
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        idHashes = hashes
        idSlots = slots
    }

    /// ``node(_:)`` through a dictionary of ids.
    func dictionaryNode(_ id: String) -> Int? {
        if idTable == nil {
            var table: [String: Int32] = [:]
            table.reserveCapacity(nodes.count)
            for (k, n) in nodes.enumerated() { table[n.id] = Int32(k) }
            idTable = table
        }
        return idTable![id].map(Int.init)
    }

    /// The chapter id of `node` ("kap5"), if it stands in a chapter.
    func chapterID(_ node: Int) -> String? {
        let c = nodes[node].chapter
        return c >= 0 ? nodes[Int(c)].id : nil
    }
}
