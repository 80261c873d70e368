/// A run of the two sequences: equal, or a deletion, insertion or replacement.
public struct DiffHunk: Hashable, Sendable {
    /// What happened.
    public enum Operation: String, Hashable, Sendable, Codable {
        /// Both sides hold the same elements.
        case equal
        /// Elements only in the old sequence.
        case delete
        /// Elements only in the new sequence.
        case insert
        /// Old elements replaced by new ones.
        case replace
    }

    /// What happened.
    public var operation: Operation
    /// The indices in the old sequence (empty for an insertion).
    public var old: Range<Int>
    /// The indices in the new sequence (empty for a deletion).
    public var new: Range<Int>
}
