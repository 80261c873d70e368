import GRDB
import Paragraf

extension ParagrafStore {
    /// The versions (not amending instruments) most recently signed, newest first: the home page of `paragraf
    /// serve`.
    public func recentVersions(limit: Int = 10) throws(StoreError) -> [StoredVersion] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: StoredVersion.query + " WHERE v.role = 'version' ORDER BY coalesce(v.signed, v.valid_from) DESC, v.id DESC LIMIT ?",
                arguments: [max(1, limit)]
            ).map(StoredVersion.init)
        }
    }
}
