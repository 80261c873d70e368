import Paragraf

/// tree, from which its strings and range are read (not copied: 56 bytes a node instead of 144).
struct FlatNode {
    /// The node's parent's children (for the root, the root alone), shared with the tree.
    let siblings: [Node]
    /// The node's index in `siblings`.
    let slot: Int32
    /// Parent node index, -1 for the root.
    var parent: Int32
    /// One past the last node of the subtree (nodes are in pre-order).
    var end: Int32
    /// Innermost enclosing chapter (the node itself for a chapter), -1 outside chapters.
    var chapter: Int32
    /// First atom of the subtree (the item label, if any), first atom after it, one past the last.
    var atomStart: Int32
    var contentAtom: Int32
    var atomEnd: Int32
    /// Tokens of the unit: after the node's own item label, to the end of the subtree.
    var tokenStart: Int32
    var tokenEnd: Int32
    /// The atom of the leaf text, -1 for containers.
    var textAtom: Int32
    var kind: NodeKind

    /// The node's id (``Node/id``).
    var id: NodeID { siblings[Int(slot)].id }
    /// The node's number (``Node/number``).
    var number: String? { siblings[Int(slot)].number }
    /// The node's title (``Node/title``).
    var title: String? { siblings[Int(slot)].title }
    /// The node's text (``Node/text``).
    var text: String? { siblings[Int(slot)].text }
    /// The node's range (``Node/range``).
    var range: SourceRange { siblings[Int(slot)].range }
}
