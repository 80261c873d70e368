import Paragraf

/// Counts for the summary of a diff.
public struct DiffSummary: Codable, Hashable, Sendable {
    /// Alignment rows by level and status: `["section": ["renumbered": 17, …], …]`.
    public var alignment: [String: [String: Int]]
    /// Changes by category.
    public var changes: [String: Int]
    /// Whether the two versions say the same.
    public var isIdentical: Bool
}
