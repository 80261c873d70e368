import Paragraf

/// One row of a document's node table as the store keeps it.
struct NodeRow: Sendable, Hashable {
    /// The ordinal of the parent; -1 for the root.
    var parent: Int32
    /// The ordinal of the last node of the subtree (the node itself for a leaf).
    var last: Int32
    var kind: NodeKind
    /// The node id ("p17/stk3/pkt2").
    var path: String
    var number: String?
    var label: String?
    var title: String?
    var text: String?
    var start: Int
    var end: Int
    var labelRange: Range<Int>?
    var titleRange: Range<Int>?
    var isRepealed: Bool
}
