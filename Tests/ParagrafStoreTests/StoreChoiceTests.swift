import Foundation
import GRDB
import ParagrafTestSupport
import Testing

@testable import ParagrafStore

/// The database a command reads: `--db`, else `PARAGRAF_DB`, else the bundled corpus's, built once into the cache
/// with one note; a database whose links were left out of date is opened with a warning.
@Suite struct StoreChoiceTests {
    /// The notes a call gave, in order.
    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var notes: [StoreNote] = []
        func add(_ note: StoreNote) { lock.withLock { notes.append(note) } }
        var all: [StoreNote] { lock.withLock { notes } }
    }

    @Test func theOptionThenTheEnvironmentThenTheBundledCorpus() {
        #expect(StoreChoice(named: "a.sqlite", environment: ["PARAGRAF_DB": "b.sqlite"]).path == "a.sqlite")
        #expect(StoreChoice(named: "", environment: ["PARAGRAF_DB": "b.sqlite"]).path == "b.sqlite")
        #expect(StoreChoice(named: nil, environment: ["PARAGRAF_DB": "b.sqlite"]).path == "b.sqlite")
        #expect(StoreChoice(named: nil, environment: ["PARAGRAF_DB": ""]).path == nil)
        #expect(StoreChoice(named: nil, environment: [:]).path == nil)
    }

    @Test func aMissingNamedDatabaseIsNotBuilt() {
        let path = StoreFixture.temporaryPath("absent")
        #expect(throws: StoreError.missing(path: path)) { try StoreChoice(named: path, environment: [:]).open() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theBundledDatabaseIsBuiltOnceWithOneNote() throws {
        let folder = URL(fileURLWithPath: StoreFixture.temporaryPath()).deletingLastPathComponent()
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.copyItem(atPath: StoreFixture.corpus, toPath: corpus.path)
        let cache = folder.appendingPathComponent("cache").path
        defer { try? FileManager.default.removeItem(at: folder) }
        let choice = StoreChoice(named: nil, environment: [:])
        let first = Notes()
        let built = try choice.open(corpusDirectory: corpus.path, cacheDirectory: cache, note: first.add)
        #expect(first.all == [.buildingBundledDatabase])
        #expect(built.path.hasPrefix(cache + "/corpus-") && built.path.hasSuffix(".sqlite"))
        #expect(try built.works().map(\.id) == ["tandpleje"])
        let second = Notes()
        let reopened = try choice.open(corpusDirectory: corpus.path, cacheDirectory: cache, note: second.add)
        #expect(second.all.isEmpty)
        #expect(reopened.path == built.path)
    }

    @Test func linksLeftOutOfDateAreWarnedOf() throws {
        let path = StoreFixture.temporaryPath("stale")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let writer = try ParagrafStore.open(at: path, mode: .readWrite)
        _ = try writer.importer().run([.path(StoreFixture.holdAfDyr)])
        try writer.close()
        let choice = StoreChoice(named: path, environment: [:])
        let fresh = Notes()
        _ = try choice.open(note: fresh.add)
        #expect(fresh.all.isEmpty)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('links', 'stale')")
        }
        let stale = Notes()
        _ = try choice.open(note: stale.add)
        #expect(stale.all == [.staleLinks(path: path)])
        #expect(
            stale.all.first?.description
                == "warning: \(path): the last import was interrupted while linking; works and citations may be out of date (run `paragraf import --db \(path)` to finish)"
        )
    }
}
