import Paragraf

/// A pair of aligned leaf-level provisions (subsections, annex blocks) whose words are compared.
///
/// Only the nodes and token runs of the two units are kept: their bags serve alignment alone, and the
/// pairs live until the diff is built.
struct TextPair {
    /// The old node (an index into the old ``FlatVersion/nodes``).
    var oldNode: Int
    /// The new node.
    var newNode: Int
    /// The old provision's tokens (``Unit/tokens``).
    var oldTokens: Range<Int>
    /// The new provision's tokens.
    var newTokens: Range<Int>
    var oldRef: ProvisionRef
    var newRef: ProvisionRef

    init(old: Unit, new: Unit, oldRef: ProvisionRef, newRef: ProvisionRef) {
        oldNode = old.node
        newNode = new.node
        oldTokens = old.tokens
        newTokens = new.tokens
        self.oldRef = oldRef
        self.newRef = newRef
    }
}
