/// A node under construction.
struct Container {
    var kind: NodeKind
    var id: NodeID
    var label: String?
    var number: String?
    var title: String?
    /// Where the container's children begin on ``ParserCore/nodes``.
    var childStart: Int
    var start: Int
    var end: Int
    var labelRange: SourceRange?
    var titleRange: SourceRange?
    var isRepealed = false
    /// Last child number seen (stk., nr., litra) for order checks.
    var lastChild = 0
    /// Sentences numbered so far.
    var sentences = 0
    /// Numeric part of the number (chapters, items).
    var ordinal = 0
}
