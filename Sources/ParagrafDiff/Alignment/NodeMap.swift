/// The provisions of one version mapped to those of the other, node by node, as the alignment paired them.
///
/// Every reader gives each node an id of its own, so a node stands for its id: the map answers for ids too.
struct NodeMap {
    /// The version whose nodes are mapped, and the version they are mapped to.
    let from: FlatVersion
    let to: FlatVersion
    /// Per node of `from`, the node of `to` it maps to; -1 for none.
    private var targets: [Int32]

    /// An empty map from the nodes of `from` to those of `to`.
    init(from: FlatVersion, to: FlatVersion) {
        self.from = from
        self.to = to
        targets = [Int32](repeating: -1, count: from.nodes.count)
    }

    /// Maps node `a` of `from` to node `b` of `to`.
    mutating func set(_ a: Int, to b: Int) { targets[a] = Int32(b) }

    /// The node of `to` that node `a` of `from` maps to.
    func target(_ a: Int) -> Int? { targets[a] >= 0 ? Int(targets[a]) : nil }

    /// The id that `id` maps to, nil when it names no mapped node of `from`.
    subscript(id: NodeID) -> NodeID? { from.nodes.row(of: id).flatMap(target).map(to.nodes.id(at:)) }

    /// The id `id` maps to, or else the id its nearest mapped ancestor maps to with the rest of `id` after it
    /// ("p17/stk3/pkt2" → "p21/stk3/pkt2"); nil when no ancestor is mapped.
    func throughAncestors(_ id: NodeID) -> NodeID? {
        if let direct = self[id] { return direct }
        var suffix: [NodeID.Component] = []
        var current = id
        while let parent = current.parent {
            suffix.insert(current.last, at: 0)
            current = parent
            if let mapped = self[current] {
                return suffix.reduce(mapped) { $0.appending($1.step, occurrence: $1.occurrence) }
            }
        }
        return nil
    }
}
