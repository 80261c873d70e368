/// One flat, ordered table of a document's nodes: a row per node in document order (the root first, each
/// node before its descendants), with its kind, id, parent, number, byte ranges (of the node, its label and
/// its title), whether it carries text, and its place in the tree.
///
/// The table is how the libraries find nodes: the citation resolver and graph, the command line's lookups
/// and places (`show`, `refs`, `cited-by`), the Akoma Ntoso export. A node's subtree is the run of rows
/// ``Row/index``..<``Row/subtreeEnd``, so "inside a node" is a range check; an id is found in one hash.
/// The row's tree node (``node(at:)``) gives the strings of its label, title and text.
///
/// ```swift
/// let nodes = parsed.document.nodeTable()
/// let row = nodes.row(of: "p17/stk3")!            // a row index
/// nodes[row].kind                                  // .subsection
/// nodes.place(of: "p17/stk3")                      // Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3
/// nodes.row(containing: 4711)                      // the innermost row at byte 4711 (a sentence)
/// nodes.number(at: row)                            // "3"
/// nodes.forEachRow { row, node in … }             // every row with its node, in order
/// ```
///
/// The table is built from the tree in O(n) (``init(_:)``, ``Document/nodeTable()``) and holds about 120
/// bytes a node beside the tree (the tree's strings are not copied), 4 more for a tree whose document
/// order is not the order of its text (``row(containing:)`` then halves a list of the rows by start). The
/// parser does not build one with every document: kept with the tree it would add about a seventh to the
/// peak of parsing alone (about 5.7 MB for the 47 872 nodes of a 4.5 MB text, whose parse peaks at
/// 39 MB), and most callers of the parser never ask.
public struct NodeTable: Sendable {
    /// One node of the table.
    public struct Row: Hashable, Sendable {
        /// The row's position in the table (document order).
        public let index: Int
        /// What the node is.
        public let kind: NodeKind
        /// The node's id.
        public let id: NodeID
        /// The row of the parent; nil for the root.
        public let parent: Int?
        /// The bytes the node spans.
        public let range: SourceRange
        /// One past the last row of the node's subtree: its descendants are the rows `index + 1 ..< subtreeEnd`.
        public let subtreeEnd: Int
    }

    /// The tree the table was built from.
    public let root: Node
    // The columns the accessors below read are visible to inlining (`@usableFromInline`, accessors
    // `@inlinable`): called from another module, an accessor that is not inlined takes the table (ten
    // arrays) as a copy at every call. Measured: 6.5 M of 214 M instructions (3 %) of
    // `VersionDiff.compare` given the graphs at ×10 copied tables for the diff's row reads.
    @usableFromInline private(set) var kinds: [NodeKind] = []
    @usableFromInline private(set) var parents: [Int32] = []
    @usableFromInline private(set) var ends: [Int32] = []
    /// The position of each node among its parent's children (how ``node(at:)`` walks down to it).
    private var childIndexes: [Int32] = []
    @usableFromInline private(set) var ranges: [SourceRange] = []
    @usableFromInline private(set) var ids: [NodeID] = []
    @usableFromInline private(set) var numbers: [String?] = []
    /// The bytes of the label and title of a node that has either (what the diff tokenizes beside the
    /// texts, read here without walking the tree).
    @usableFromInline struct Heading: Sendable {
        @usableFromInline var label: SourceRange?
        @usableFromInline var title: SourceRange?
    }
    /// Per row, its place in ``headings``; -1 for a node with neither label nor title (every sentence): a
    /// heading takes 48 bytes, and 4 where there is none.
    @usableFromInline private(set) var headingSlots: [Int32] = []
    @usableFromInline private(set) var headings: [Heading] = []
    /// Whether each node carries text of its own (a leaf's text; see ``Node/text``).
    @usableFromInline private(set) var hasTexts: [Bool] = []
    /// The row of each id; a later node with the same id wins.
    private var rowsByID: [NodeID: Int32] = [:]
    /// The rows by the start of their range (then by row), for ``row(containing:)``; empty when that is document
    /// order, as the text parser builds it (the LexDania reader places the signature, written first, last).
    private(set) var rowsByStart: [Int32] = []

    /// The table of the tree under `root`.
    /// - Complexity: O(n) in the number of nodes; one hash per id.
    public init(_ root: Node) {
        self.root = root
        add([root], parent: -1)
        var rowsByID = [NodeID: Int32](minimumCapacity: ids.count)
        for (row, id) in ids.enumerated() { rowsByID[id] = Int32(row) }
        self.rowsByID = rowsByID
        if ranges.indices.dropFirst().contains(where: { ranges[$0].start.offset < ranges[$0 - 1].start.offset }) {
            let ranges = self.ranges
            rowsByStart = (0..<Int32(ranges.count)).sorted { (ranges[Int($0)].start.offset, $0) < (ranges[Int($1)].start.offset, $1) }
        }
    }

    /// The table of `document`'s tree.
    public init(_ document: Document) { self.init(document.root) }

    /// Adds `nodes` (siblings) and their descendants, their fields read through the array (no node is
    /// copied whole).
    private mutating func add(_ nodes: [Node], parent: Int32) {
        for k in nodes.indices {
            let row = kinds.count
            kinds.append(nodes[k].kind)
            parents.append(parent)
            ends.append(0)
            childIndexes.append(Int32(k))
            ranges.append(nodes[k].range)
            ids.append(nodes[k].id)
            numbers.append(nodes[k].number)
            if nodes[k].labelRange == nil && nodes[k].titleRange == nil {
                headingSlots.append(-1)
            } else {
                headingSlots.append(Int32(headings.count))
                headings.append(Heading(label: nodes[k].labelRange, title: nodes[k].titleRange))
            }
            hasTexts.append(nodes[k].text != nil)
            if !nodes[k].children.isEmpty { add(nodes[k].children, parent: Int32(row)) }
            ends[row] = Int32(kinds.count)
        }
    }

    /// The number of rows.
    @inlinable
    public var count: Int { kinds.count }

    /// The row at `index`.
    public subscript(index: Int) -> Row {
        Row(
            index: index, kind: kinds[index], id: ids[index], parent: parents[index] < 0 ? nil : Int(parents[index]),
            range: ranges[index], subtreeEnd: Int(ends[index]))
    }

    /// The kind of the node in `row` (without making a ``Row``).
    @inlinable
    public func kind(at row: Int) -> NodeKind { kinds[row] }

    /// The id of the node in `row`.
    @inlinable
    public func id(at row: Int) -> NodeID { ids[row] }

    /// The byte range of the node in `row`.
    @inlinable
    public func range(at row: Int) -> SourceRange { ranges[row] }

    /// The number of the node in `row` ("17", "4 a", "3", "b"); nil for a node without one.
    @inlinable
    public func number(at row: Int) -> String? { numbers[row] }

    /// The bytes of the label of the node in `row` ("§ 17.", "Stk. 3.", "1)"); nil when it has none.
    @inlinable
    public func labelRange(at row: Int) -> SourceRange? { heading(row)?.label }

    /// The bytes of the title of the chapter, part or annex in `row`; nil when it has none.
    @inlinable
    public func titleRange(at row: Int) -> SourceRange? { heading(row)?.title }

    /// The heading of `row`, nil when it has none.
    @inlinable
    func heading(_ row: Int) -> Heading? { headingSlots[row] < 0 ? nil : headings[Int(headingSlots[row])] }

    /// Whether the node in `row` carries text of its own (its tree node's ``Node/text`` is not nil).
    @inlinable
    public func hasText(at row: Int) -> Bool { hasTexts[row] }

    /// The row of the parent of `row`; nil for the root.
    @inlinable
    public func parent(of row: Int) -> Int? { parents[row] < 0 ? nil : Int(parents[row]) }

    /// One past the last row of `row`'s subtree.
    @inlinable
    public func subtreeEnd(of row: Int) -> Int { Int(ends[row]) }

    /// The row of the node with `id` (the last one, should two share it).
    /// - Complexity: O(1).
    public func row(of id: NodeID) -> Int? { rowsByID[id].map(Int.init) }

    /// The tree node in `row`: its label, title, text and children.
    /// - Complexity: O(depth): the walk down from the root reads each level's children in place and copies
    ///   only the node it returns.
    public func node(at row: Int) -> Node {
        parents[row] < 0 ? root : siblings(of: row)[Int(childIndexes[row])]
    }

    /// The children of the parent of `row` (which is not the root).
    private func siblings(of row: Int) -> [Node] {
        let parent = Int(parents[row])
        return parents[parent] < 0 ? root.children : siblings(of: parent)[Int(childIndexes[parent])].children
    }

    /// The node with `id`.
    public func node(_ id: NodeID) -> Node? { row(of: id).map(node(at:)) }

    /// The rows of the direct children of `row`, in order.
    public func children(of row: Int) -> [Int] {
        var result: [Int] = []
        forEachChild(of: row) { result.append($0) }
        return result
    }

    /// Calls `body` with the row of each direct child of `row`, in order, without making a list of them.
    /// - Complexity: O(children): a child's subtree is skipped in one step.
    @inlinable
    public func forEachChild(of row: Int, _ body: (Int) throws -> Void) rethrows {
        var child = row + 1
        while child < Int(ends[row]) {
            try body(child)
            child = Int(ends[child])
        }
    }

    /// The number of direct children of `row` of `kind`.
    public func childCount(of row: Int, _ kind: NodeKind) -> Int {
        var count = 0
        forEachChild(of: row) { if kinds[$0] == kind { count += 1 } }
        return count
    }

    /// The rows of `kind`, in document order.
    public func rows(_ kind: NodeKind) -> [Int] { kinds.indices.filter { kinds[$0] == kind } }

    /// Calls `body` with every row and its tree node, in document order: one walk of the tree (what a store
    /// persisting a row per node reads).
    public func forEachRow(_ body: (Row, Node) throws -> Void) rethrows {
        var next = 0
        try visit(root, &next, body)
    }

    private func visit(_ node: Node, _ next: inout Int, _ body: (Row, Node) throws -> Void) rethrows {
        try body(self[next], node)
        next += 1
        // Each child is read in place in its array (not copied out of it first).
        let children = node.children
        for k in children.indices { try visit(children[k], &next, body) }
    }
}

extension Document {
    /// The table of this document's nodes (built in O(n); keep it while it is needed).
    public func nodeTable() -> NodeTable { NodeTable(root) }
}
