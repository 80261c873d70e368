import GRDB

/// An input an import could not read, as the database records it.
public struct RecordedFailure: Codable, Hashable, Sendable {
    /// Where it came from ("documents-dev.jsonl:17").
    public var source: String
    /// Its size in bytes.
    public var bytes: Int
    /// Why it failed.
    public var reason: String
    /// When (ISO 8601).
    public var imported: String
}

extension ParagrafStore {
    /// The inputs that failed, by source.
    public func failures() throws(StoreError) -> [RecordedFailure] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT source, bytes, reason, imported FROM failures ORDER BY source").map {
                RecordedFailure(source: $0[0], bytes: $0[1], reason: $0[2], imported: $0[3])
            }
        }
    }
}
