import Paragraf

/// What `paragraf works [QUERY] --format json` prints, and `GET /api/works`: the works whose title matches.
public struct WorksListing: Encodable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The words asked for, if any.
    public var query: String?
    /// The works, as ``ParagrafStore/works(matching:)`` lists them.
    public var works: [StoredWork]

    /// A listing of `works` found for `query`.
    public init(query: String?, works: [StoredWork]) {
        self.query = query
        self.works = works
    }
}
