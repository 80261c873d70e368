import Paragraf

/// What `paragraf versions [WORK] --db FILE --format json` prints, and `GET /api/works/{work}`: works with their
/// versions (amending instruments included, after the versions).
public struct VersionsListing: Encodable, Sendable {
    /// One work and its versions.
    public struct Entry: Encodable, Sendable {
        /// The work.
        public var work: StoredWork
        /// Its versions, as ``ParagrafStore/versions(of:includingAmendments:)`` lists them.
        public var versions: [StoredVersion]

        /// An entry.
        public init(work: StoredWork, versions: [StoredVersion]) {
            self.work = work
            self.versions = versions
        }
    }

    /// The JSON schema version.
    public var schemaVersion = 1
    /// The works.
    public var works: [Entry]

    /// A listing of `works`.
    public init(works: [Entry]) { self.works = works }
}
