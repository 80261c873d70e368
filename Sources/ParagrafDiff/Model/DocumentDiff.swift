import Paragraf

/// Everything that differs between two versions of a regulation.
public struct DocumentDiff: Codable, Hashable, Sendable {
    /// The JSON schema version (see the DocC article "Diff JSON schema").
    public static let currentSchemaVersion = 1

    /// The JSON schema version.
    public var schemaVersion: Int
    /// The old version.
    public var old: VersionSummary
    /// The new version.
    public var new: VersionSummary
    /// Counts.
    public var summary: DiffSummary
    /// The alignment at every level.
    public var alignment: Alignment
    /// Metadata changes.
    public var metadata: [MetadataChange]
    /// Amount changes.
    public var amounts: [AmountChange]
    /// Systematic term substitutions.
    public var terms: [TermSubstitution]
    /// Duty-bearer and modality changes.
    public var duties: [DutyChange]
    /// Doubtful citations.
    public var citations: [CitationChange]
    /// Every section side by side, in reading order of the new version (removed ones where they stood).
    public var sections: [SectionDiff]
    /// The parts left out because a source is partial (nil when both sources are complete).
    public var notCompared: NotCompared? = nil
    /// Passages outside the §§, preamble and annexes that differ (unplaced text, the signature); nil when none.
    public var outsideSections: [OutsideTextChange]? = nil

    /// Whether the two versions say the same.
    public var isIdentical: Bool { summary.isIdentical }
}
