import Foundation
import GRDB
import Testing

@testable import ParagrafStore

/// A database file that is not whole, not a database, or not Paragraf's gives a clear error.
@Suite struct DatabaseFileTests {
    /// A small database of its own (the hold-af-dyr fixtures), closed, with its path.
    func builtDatabase() throws -> String {
        let path = StoreFixture.temporaryPath()
        let store = try ParagrafStore.open(at: path, mode: .readWrite)
        _ = try store.importer().run([.path(StoreFixture.holdAfDyr)])
        try store.close()
        return path
    }

    @Test func truncatedFile() throws {
        let path = try builtDatabase()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        #expect(throws: StoreError.truncated(path: path, expected: size, actual: size / 2)) {
            try ParagrafStore.open(at: path)
        }
        #expect(
            StoreError.truncated(path: "x.sqlite", expected: 8192, actual: 4096).description
                == "x.sqlite is truncated: its header says 8192 bytes, the file has 4096; the copy stopped early. Delete it and import again"
        )
    }

    @Test func damagedPages() throws {
        let path = try builtDatabase()
        // Overwrite the middle of the file (the header stays whole).
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xA5, count: Int(min(size / 3, 200_000))))
        try handle.close()
        var failure: StoreError?
        do {
            let store = try ParagrafStore.open(at: path)
            var options = SearchOptions()
            options.allVersions = true
            _ = try store.search("hund", options: options)
            _ = try store.versions(of: try store.work("lov om hold af dyr"))
            let findings = try store.integrityCheck()
            if !findings.isEmpty { failure = .corrupt(path: path, detail: findings[0]) }
        } catch {
            failure = error
        }
        guard case .corrupt(let where_, _) = failure else {
            Issue.record("expected a corrupt-database error, got \(String(describing: failure))")
            return
        }
        #expect(where_ == path)
        #expect(failure?.description.hasSuffix("Delete it and import again") == true)
    }

    @Test func notADatabaseAndForeignDatabase() throws {
        let path = StoreFixture.temporaryPath()
        try Data("§ 1. This is a text file, not a database.\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path, detail: "the first bytes are not \"SQLite format 3\"")) {
            try ParagrafStore.open(at: path)
        }
        let foreign = StoreFixture.temporaryPath()
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try queue.close()
        #expect(throws: StoreError.foreignDatabase(path: foreign)) { try ParagrafStore.open(at: foreign, mode: .readWrite) }
        #expect(throws: StoreError.missing(path: "/nonexistent/law.sqlite")) { try ParagrafStore.open(at: "/nonexistent/law.sqlite") }
    }

    @Test func newerSchemaIsRefused() throws {
        let path = try builtDatabase()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        #expect(throws: StoreError.newerSchema(path: path, migrations: ["v99-from-the-future"])) { try ParagrafStore.open(at: path) }
    }
}
