import Paragraf

/// What went wrong with a citation between two versions.
public enum CitationIssue: String, Codable, Hashable, Sendable, CaseIterable {
    /// The citation still carries the number its target had before a renumbering and now names another provision.
    case stale
    /// The citation names a different provision than the counterpart of what the old version cited there.
    case changedTarget
    /// The citation names nothing in the new version.
    case unresolved
    /// The citation was stale in the old version (it kept a number its target lost in a renumbering before) and
    /// the new version corrects it to the provision meant.
    case corrected
}
