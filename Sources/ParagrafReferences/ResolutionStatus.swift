/// How a citation target came out of resolution.
public enum ResolutionStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// The target names a node of this version.
    case resolved
    /// The target should be in this version but is not; see ``ResolvedTarget/reason``.
    case unresolved
    /// The target lies in another act or instrument, outside this version.
    case external
}
