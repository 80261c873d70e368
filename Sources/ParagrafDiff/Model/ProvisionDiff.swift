import Paragraf

/// The word-level comparison of one aligned subsection (or annex block), or an added or removed one.
public struct ProvisionDiff: Codable, Hashable, Sendable {
    /// The old provision, if any.
    public var old: ProvisionRef?
    /// The new provision, if any.
    public var new: ProvisionRef?
    /// The text in order; an added provision is one insertion, a removed one one deletion.
    public var segments: [TextSegment]

    /// Whether anything changed.
    public var isChanged: Bool { segments.contains { $0.operation != .equal } }
}
