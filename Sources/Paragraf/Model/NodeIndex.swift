/// Constant-time lookup of a document's nodes by id, with each node's ancestors.
///
/// Build it once per document (O(n)) and keep it: `document.index()`.
public struct NodeIndex: Sendable {
    /// The indexed document.
    public let document: Document
    /// Every node in document order (a node appears once however often its id does).
    private var nodes: [Node] = []
    /// The slot in `nodes` of each id; a later node with the same id wins.
    private var slots: [NodeID: Int] = [:]
    /// The slot of each node's parent, -1 for the root.
    private var parentSlots: [Int32] = []
    /// Ids in document order.
    public private(set) var order: [NodeID] = []

    /// Indexes every node of `document`.
    /// - Complexity: O(n); one hash per node (the index is built for every CLI lookup and by the resolver).
    public init(_ document: Document) {
        self.document = document
        let estimate = document.sourceLength / 80 + 16
        nodes.reserveCapacity(estimate)
        slots.reserveCapacity(estimate)
        parentSlots.reserveCapacity(estimate)
        order.reserveCapacity(estimate)
        visit(document.root, parent: -1)
    }

    private mutating func visit(_ node: Node, parent: Int32) {
        let slot = Int32(nodes.count)
        nodes.append(node)
        parentSlots.append(parent)
        slots[node.id] = Int(slot)
        order.append(node.id)
        node.children.withUnsafeBufferPointer { children in
            for i in children.indices { visit(children[i], parent: slot) }
        }
    }

    /// The node with `id`.
    public func node(_ id: NodeID) -> Node? { slots[id].map { nodes[$0] } }

    /// The node an address names.
    public func node(at address: Address) -> Node? { node(address.id) }

    /// The id of the parent of the node with `id` (of the node that id names).
    private func parentID(of id: NodeID) -> NodeID? {
        guard let slot = slots[id] else { return nil }
        let parent = parentSlots[slot]
        return parent < 0 ? nil : nodes[Int(parent)].id
    }

    /// The parent of the node with `id`.
    public func parent(of id: NodeID) -> Node? { parentID(of: id).flatMap { node($0) } }

    /// The ancestors of `id` from the outermost (excluding the document root) down to the node itself.
    public func path(to id: NodeID) -> [Node] {
        var result: [Node] = []
        var current: NodeID? = id
        while let c = current, let node = node(c), node.kind != .document {
            result.append(node)
            current = parentID(of: c)
        }
        return result.reversed()
    }

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

    /// All nodes in document order.
    public var allNodes: [Node] { order.compactMap { node($0) } }
}

extension Document {
    /// An index of this document's nodes by id.
    public func index() -> NodeIndex { NodeIndex(self) }
}
