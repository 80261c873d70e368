import Paragraf

/// The answer to a search.
public struct SearchResults: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The query as written.
    public var query: String
    /// The expression sent to the index.
    public var expression: String
    /// The day the versions searched were in force; nil with all versions.
    public var date: LegalDate?
    /// The hits, best first.
    public var hits: [SearchHit]
    /// Whether more provisions matched than the limit let through.
    public var more: Bool
}
