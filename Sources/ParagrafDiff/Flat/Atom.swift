import Paragraf

/// A tokenized run of the source: an item label, a title or a leaf's text.
struct Atom {
    var tokenStart: Int32
    var tokenEnd: Int32
    /// The node it belongs to.
    var node: Int32
    /// Whether it is the text of a section or subsection leaf (left out of whole-provision segments).
    var isSectionText: Bool
    var isFinal: Bool
}
