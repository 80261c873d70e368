import Paragraf

/// A change of words: replaced, inserted next to other words, or deleted.
public struct WordChange: Codable, Hashable, Sendable {
    /// Where: the addressed provisions, or the whole act ("Overalt i loven").
    public var scope: WordScope
    /// The words replaced or deleted.
    public var old: String?
    /// The words inserted.
    public var new: String?
    /// For an insertion: the words the new ones go after or before.
    public var anchor: WordAnchor?
    /// How many times the words occur in the scope, as the instruction states it.
    public var occurrences: Occurrences

    /// Creates a word change.
    public init(scope: WordScope, old: String? = nil, new: String? = nil, anchor: WordAnchor? = nil, occurrences: Occurrences = .once) {
        self.scope = scope
        self.old = old
        self.new = new
        self.anchor = anchor
        self.occurrences = occurrences
    }
}
