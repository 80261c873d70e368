import Paragraf

/// The parameters of a search.
public struct SearchRequest: Hashable, Sendable {
    /// The query as typed (at most ``RequestReader/maxQueryLength`` bytes).
    public var query: String
    /// The day whose versions are searched (default: today).
    public var date: LegalDate?
    /// Every version, in force or not.
    public var allVersions = false
    /// Only these document types (BEK, LBK, LOV …).
    public var types: [String] = []
    /// Only this work.
    public var work: String?
    /// At most this many hits (1…``RequestReader/maxResults``).
    public var limit = 20

    /// A search for `query` with the defaults.
    public init(query: String) { self.query = query }
}
