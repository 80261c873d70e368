import Paragraf

/// The ids of one version's nodes mapped to the ids of the other's: what a `[String: String]` of ids holds
/// when each aligned pair sets `map[a.id] = b.id`, kept by nodes, so that no id is hashed or stored per pair.
///
/// An id is kept at its canonical node (``FlatVersion/canonical(_:)``, the node ``FlatVersion/node(_:)``
/// finds for it), so a later pair with the same id replaces an earlier one, as in a dictionary.
final class NodeMap {
    /// The version whose ids are mapped, and the version they are mapped to.
    let from: FlatVersion
    let to: FlatVersion
    /// Per canonical node of `from`, the node of `to` whose id its id maps to; -1 for none.
    @exclusivity(unchecked) private var targets: [Int32]

    /// An empty map from the ids of `from` to those of `to`.
    init(from: FlatVersion, to: FlatVersion) {
        self.from = from
        self.to = to
        targets = [Int32](repeating: -1, count: from.nodes.count)
    }

    /// Maps the id of node `a` of `from` to the id of node `b` of `to`.
    func set(_ a: Int, to b: Int) { targets[from.canonical(a)] = Int32(b) }

    /// The id that `id` maps to, nil when it is no mapped id of `from`.
    subscript(id: String) -> String? {
        guard let k = from.node(id) else { return nil }
        let t = Int(targets[k])
        return t >= 0 ? to.nodes[t].id : nil
    }

    /// Whether the id of canonical node `k` of `from` is mapped.
    func maps(canonical k: Int) -> Bool { targets[k] >= 0 }

    /// The id `id` maps to, or else the id its nearest mapped ancestor maps to with the rest of `id` after it
    /// ("p17/stk3/pkt2" → "p21/stk3/pkt2"); nil when no ancestor is mapped.
    func throughAncestors(_ id: String) -> String? {
        if let direct = self[id] { return direct }
        var parts = id.split(separator: "/").map(String.init)
        var suffix: [String] = []
        while parts.count > 1 {
            suffix.insert(parts.removeLast(), at: 0)
            if let mapped = self[parts.joined(separator: "/")] { return ([mapped] + suffix).joined(separator: "/") }
        }
        return nil
    }
}
