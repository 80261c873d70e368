import Paragraf

/// A version as the diff describes it.
public struct VersionSummary: Codable, Hashable, Sendable {
    /// The source name (file path or corpus version id).
    public var sourceName: String
    /// The title.
    public var title: String?
    /// The signing date.
    public var signingDate: LegalDate?
    /// The in-force date.
    public var inForceDate: LegalDate?
    /// The ministry.
    public var ministry: String?
    /// Numbers of chapters, sections and subsections.
    public var chapters: Int
    /// Sections.
    public var sections: Int
    /// Subsections.
    public var subsections: Int
}
