import Paragraf

/// What happened to a provision between two versions.
public enum AlignmentStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Same number, same text.
    case unchanged
    /// Same number, different text.
    case modified
    /// A different number (the text may also have changed; see ``AlignmentRow/isModified``).
    case renumbered
    /// In another chapter than its old chapter's counterpart, or out of the order of its neighbours.
    case moved
    /// One old provision became several new ones.
    case split
    /// Several old provisions became one new one.
    case merged
    /// No counterpart in the new version.
    case removed
    /// No counterpart in the old version.
    case added
}
