/// What the diff keeps beside one row of a version's ``NodeTable`` (its kind, id, parent and subtree are the
/// table's): the chapter it stands in, and its atoms and tokens in the version's tables. 28 bytes a node.
struct FlatRow {
    /// Innermost enclosing chapter (the row itself for a chapter), -1 outside chapters.
    var chapter: Int32
    /// First atom of the subtree (the item label, if any), first atom after it, one past the last.
    var atomStart: Int32
    var contentAtom: Int32
    var atomEnd: Int32
    /// Tokens of the unit: after the node's own item label, to the end of the subtree.
    var tokenStart: Int32
    var tokenEnd: Int32
    /// The atom of the leaf text, -1 for containers and leaves without text.
    var textAtom: Int32
}
