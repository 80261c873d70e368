import Paragraf

/// The comparison of one section (or an annex): its alignment row and its subsections.
public struct SectionDiff: Codable, Hashable, Sendable {
    /// Anchor for reports: "s-p17-p21", "s-add-p17", "s-del-p32".
    public var anchor: String
    /// The section's alignment row.
    public var row: AlignmentRow
    /// The subsections (or annex blocks), in reading order.
    public var provisions: [ProvisionDiff]
}
