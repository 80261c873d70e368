import Foundation
import GRDB

/// A corpus database: the documents, works and versions of Danish law, their node tables, a full-text index of
/// their provisions and the citations between them, in one SQLite file (WAL mode, so readers never wait for an
/// import).
///
/// ```swift
/// let store = try ParagrafStore.open(at: "law.sqlite", mode: .readWrite)
/// let summary = try store.importer().run([.file("documents-dev.jsonl")])
/// let hits = try store.search("tandregulering")
/// let citing = try store.citedBy("sundhedsloven § 135")
/// ```
///
/// One store may be shared by many threads: every query reads from a pool of connections.
public final class ParagrafStore: Sendable {
    /// How a store is opened.
    public enum Mode: Sendable {
        /// Queries only; the file must exist and be complete.
        case readOnly
        /// Queries and imports; the file is created (and migrated) when needed.
        case readWrite
    }

    /// The database file.
    public let path: String
    /// How it was opened.
    public let mode: Mode
    let pool: DatabasePool
    /// The document sets of recent search filters.
    let allowed = AllowedDocuments()

    private init(path: String, mode: Mode, pool: DatabasePool) {
        self.path = path
        self.mode = mode
        self.pool = pool
    }

    /// Opens (or, for `.readWrite`, creates) the database at `path`.
    ///
    /// A file that is not an SQLite database, is another application's, was truncated, is damaged or comes from
    /// a newer Paragraf is refused with a ``StoreError`` that says so.
    public static func open(at path: String, mode: Mode = .readOnly) throws(StoreError) -> ParagrafStore {
        let state = try DatabaseFileCheck.check(path)
        if state == .absent && mode == .readOnly { throw .missing(path: path) }
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = false
        configuration.label = "paragraf"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Readers map the file (fast queries; the pages are the file's, shared); the writer does not, so that an
            // import's resident memory is its own work.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456")
            } else {
                // The import's B-trees (nodes, citations, the full-text segments) fit the cache.
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072")
            }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        let store = ParagrafStore(path: path, mode: mode, pool: pool)
        try store.prepareSchema(isNew: state == .absent)
        return store
    }

    /// Checks the application id and brings the schema up to date (or, read-only, checks that it is).
    private func prepareSchema(isNew: Bool) throws(StoreError) {
        let migrator = StoreSchema.migrator
        do {
            try pool.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if id != StoreSchema.applicationID && !(id == 0 && tables == 0) {
                    throw StoreError.foreignDatabase(path: path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    let unknown = try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
                    throw StoreError.newerSchema(path: path, migrations: unknown)
                }
                if mode == .readOnly, try !migrator.hasCompletedMigrations(db) { throw StoreError.olderSchema(path: path) }
            }
            if mode == .readWrite { try migrator.migrate(pool) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` on a reading connection, turning SQLite errors into ``StoreError``s.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` on the writing connection without an enclosing transaction.
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        guard mode == .readWrite else { throw .unavailable(path: path, detail: "the database was opened read-only") }
        do {
            return try pool.writeWithoutTransaction(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Checks every page of the database (`PRAGMA integrity_check`); returns SQLite's findings, empty when whole.
    /// - Complexity: reads the whole file.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return rows == ["ok"] ? [] : rows
        }
    }

    /// Closes the connections; the store must not be used afterwards. A store open for writing first moves its
    /// write-ahead log into the database file, so that the file alone is the whole database (to copy or ship).
    public func close() throws(StoreError) {
        do {
            if mode == .readWrite { _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
            try pool.close()
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
