/// Constant-time lookup of a document's nodes by id, with each node's ancestors.
///
/// Build it once per document (O(n)) and keep it: `document.index()`.
public struct NodeIndex: Sendable {
    /// The indexed document.
    public let document: Document
    private var nodes: [String: Node] = [:]
    private var parents: [String: String] = [:]
    /// Ids in document order.
    public private(set) var order: [String] = []

    /// Indexes every node of `document`.
    public init(_ document: Document) {
        self.document = document
        visit(document.root, parent: nil)
    }

    private mutating func visit(_ node: Node, parent: String?) {
        nodes[node.id] = node
        order.append(node.id)
        if let parent { parents[node.id] = parent }
        for child in node.children { visit(child, parent: node.id) }
    }

    /// The node with `id`.
    public func node(_ id: String) -> Node? { nodes[id] }

    /// The node an address names.
    public func node(at address: Address) -> Node? { nodes[address.id] }

    /// The parent of the node with `id`.
    public func parent(of id: String) -> Node? { parents[id].flatMap { nodes[$0] } }

    /// The ancestors of `id` from the outermost (excluding the document root) down to the node itself.
    public func path(to id: String) -> [Node] {
        var result: [Node] = []
        var current: String? = id
        while let c = current, let node = nodes[c], node.kind != .document {
            result.append(node)
            current = parents[c]
        }
        return result.reversed()
    }

    /// The place of a node as a reader names it: "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3".
    public func place(of id: String) -> String {
        path(to: id).map { node in
            if node.kind == .chapter || node.kind == .part || node.kind == .annex, let title = node.title {
                return node.citationLabel + " " + title
            }
            return node.citationLabel
        }.joined(separator: " › ")
    }

    /// The section (§) that contains the node with `id`, if any.
    public func section(containing id: String) -> Node? {
        path(to: id).first { $0.kind == .section }
    }

    /// All nodes in document order.
    public var allNodes: [Node] { order.compactMap { nodes[$0] } }
}

extension Document {
    /// An index of this document's nodes by id.
    public func index() -> NodeIndex { NodeIndex(self) }
}
