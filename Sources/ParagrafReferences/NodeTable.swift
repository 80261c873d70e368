/// What resolution and the graph's lookups need of a document's nodes, and nothing more: each node's
/// kind, byte offsets and children, a slot per node in document order, and the slot of each id.
///
/// It answers the same questions as ``NodeIndex`` (a node with an id exists, its kind, its range, how many
/// children of a kind it has), with the same rule for an id that occurs twice (the later node wins), but
/// it copies no `Node`: building it hashes each id once and reads the tree in place.
struct NodeTable: Sendable {
    /// One node.
    struct Slot: Sendable {
        var kind: NodeKind
        /// `range.start.offset`.
        var start: Int
        /// `range.end.offset`.
        var end: Int
        /// The slot of the first child, or -1.
        var firstChild: Int32 = -1
        /// The slot of the next child of the same parent, or -1.
        var nextSibling: Int32 = -1
    }

    /// The nodes in document order (depth first, the root first).
    private(set) var slots: [Slot] = []
    private var slotByID: [NodeID: Int32] = [:]
    /// The number of the last § (`document.sections.last?.number`).
    private(set) var lastSection: String?
    /// The number of the last chapter (`document.chapters.last?.number`).
    private(set) var lastChapter: String?
    /// The number of annexes.
    private(set) var annexCount = 0

    /// Reads every node of `document`.
    /// - Complexity: O(n) in the number of nodes.
    init(_ document: Document) {
        var ids: [NodeID] = []
        withUnsafePointer(to: document.root) { root in
            _ = add(UnsafeBufferPointer(start: root, count: 1), ids: &ids)
        }
        var slotByID = [NodeID: Int32](minimumCapacity: ids.count)
        for (slot, id) in ids.enumerated() { slotByID[id] = Int32(slot) }
        self.slotByID = slotByID
    }

    /// Adds `nodes` (siblings) and their descendants; returns the slot of the first one.
    private mutating func add(_ nodes: UnsafeBufferPointer<Node>, ids: inout [NodeID]) -> Int32 {
        var first: Int32 = -1
        var previous: Int32 = -1
        for k in nodes.indices {
            let slot = Int32(slots.count)
            let kind = nodes[k].kind
            let range = nodes[k].range
            slots.append(Slot(kind: kind, start: range.start.offset, end: range.end.offset))
            ids.append(nodes[k].id)
            switch kind {
            case .section: lastSection = nodes[k].number
            case .chapter: lastChapter = nodes[k].number
            case .annex: annexCount += 1
            default: break
            }
            if previous >= 0 { slots[Int(previous)].nextSibling = slot } else { first = slot }
            previous = slot
            if !nodes[k].children.isEmpty {
                let child = nodes[k].children.withUnsafeBufferPointer { add($0, ids: &ids) }
                slots[Int(slot)].firstChild = child
            }
        }
        return first
    }

    /// The slot of the node with `id` (the last one, should two share it).
    @inline(__always)
    func slot(_ id: NodeID) -> Int? { slotByID[id].map(Int.init) }

    /// The node with `id`.
    func node(_ id: NodeID) -> Slot? { slotByID[id].map { slots[Int($0)] } }

    /// The number of direct children of kind `kind` of the node in `slot`.
    func childCount(of slot: Int, _ kind: NodeKind) -> Int {
        var count = 0
        var child = slots[slot].firstChild
        while child >= 0 {
            if slots[Int(child)].kind == kind { count += 1 }
            child = slots[Int(child)].nextSibling
        }
        return count
    }
}
