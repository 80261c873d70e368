import Paragraf

/// A run of text in an aligned pair of provisions: unchanged, deleted, inserted or replaced.
public struct TextSegment: Codable, Hashable, Sendable {
    /// What happened to the run.
    public var operation: DiffHunk.Operation
    /// The old text (nil for an insertion).
    public var old: String?
    /// The new text (nil for a deletion).
    public var new: String?
    /// The bytes of the old text in the old source (changes only).
    public var oldRange: LocatedRange?
    /// The bytes of the new text in the new source (changes only).
    public var newRange: LocatedRange?
    /// The most precise old citation of the change ("§ 10, stk. 1, 2. pkt."), changes only.
    public var oldCitation: String?
    /// The most precise new citation of the change, changes only.
    public var newCitation: String?
    /// What the change is, changes only.
    public var category: ChangeCategory?

    /// Creates a segment.
    public init(
        operation: DiffHunk.Operation, old: String? = nil, new: String? = nil, oldRange: LocatedRange? = nil,
        newRange: LocatedRange? = nil, oldCitation: String? = nil, newCitation: String? = nil,
        category: ChangeCategory? = nil
    ) {
        self.operation = operation
        self.old = old
        self.new = new
        self.oldRange = oldRange
        self.newRange = newRange
        self.oldCitation = oldCitation
        self.newCitation = newCitation
        self.category = category
    }
}
