import Foundation
import GRDB
import Paragraf
import Testing

@testable import ParagrafStore

/// Importing: what is stored, idempotence, replacement, and the node table round trip.
@Suite struct ImportTests {
    @Test func theFixtureImport() throws {
        let summary = try StoreFixture.shared.get().summary
        // 19 lines of documents-dev, 3 hold-af-dyr files, the corpus's 2 seeds and 16 dataset files: the corpus's
        // files of the 10 tandpleje documents in the extract replace them (same document, another file).
        #expect(summary.read == 40)
        #expect(summary.added == 30)
        #expect(summary.replaced == 10)
        #expect(summary.failed == 0)
        #expect(summary.link?.works == 9)
        let counts = try StoreFixture.store().counts()
        #expect(counts.documents == 30)
        #expect(counts.failures == 0)
    }

    /// A fingerprint of everything the import writes (ids included), to compare two databases.
    static func fingerprint(_ store: ParagrafStore) throws -> [String] {
        try store.read { db in
            var rows: [String] = []
            for (table, columns) in [
                ("documents", "id, key, sha256, type, number, year, title, nodes, version"),
                ("works", "id, slug, title, kind, act_key"),
                ("versions", "id, work, name, valid_from, valid_to, document, repealed_by"),
                ("nodes", "count(*), sum(id), sum(length(text)), sum(start), sum(end)"),
                ("citations", "count(*), sum(id), sum(status), sum(coalesce(target, 0)), sum(coalesce(target_version, 0))"),
                ("search", "count(*)"),
            ] {
                for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table)") { rows.append("\(table): \(row)") }
            }
            return rows
        }
    }

    @Test func importingTheSameInputTwiceChangesNothing() throws {
        let path = StoreFixture.temporaryPath()
        let store = try ParagrafStore.open(at: path, mode: .readWrite)
        let inputs: [ImportInput] = [.path(StoreFixture.holdAfDyr), .path(StoreFixture.corpus)]
        let first = try store.importer().run(inputs)
        #expect(first.added == 21)
        let before = try Self.fingerprint(store)
        let second = try store.importer().run(inputs)
        #expect(second.added == 0)
        #expect(second.unchanged == 21)
        #expect(second.link == nil)
        #expect(try Self.fingerprint(store) == before)
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test func aChangedFileReplacesItsDocument() throws {
        let directory = URL(fileURLWithPath: StoreFixture.temporaryPath()).deletingLastPathComponent()
        let file = directory.appendingPathComponent("regulation.txt")
        try "Bekendtgørelse om prøver\n§ 1. Kommunen skal tilbyde prøver.\n".write(to: file, atomically: true, encoding: .utf8)
        let store = try ParagrafStore.open(at: directory.appendingPathComponent("db.sqlite").path, mode: .readWrite)
        #expect(try store.importer().run([.path(file.path)]).added == 1)
        #expect(
            try store.search(
                "prøver",
                options: {
                    var o = SearchOptions()
                    o.allVersions = true
                    return o
                }()
            ).hits.count == 1)
        try "Bekendtgørelse om prøver\n§ 1. Regionen skal tilbyde eksamen.\n".write(to: file, atomically: true, encoding: .utf8)
        let summary = try store.importer().run([.path(file.path)])
        #expect(summary.replaced == 1)
        #expect(try store.counts().documents == 1)
        var all = SearchOptions()
        all.allVersions = true
        // The old text left the index with its document: the contentless index was given it back exactly.
        #expect(try store.search("kommunen", options: all).hits.isEmpty)
        #expect(try store.search("eksamen", options: all).hits.count == 1)
        #expect(try store.integrityCheck().isEmpty)
        // FTS5's own check of the index against itself (a contentless index has no text to compare).
        try store.writeWithoutTransaction { db in try db.execute(sql: "INSERT INTO search(search) VALUES('integrity-check')") }
    }

    @Test func storedTreeIsTheParsedTree() throws {
        let store = try StoreFixture.store()
        let version = try store.version("BEK 1077/2020", in: nil)
        let stored = try store.document(try #require(version.document))
        let bytes = [UInt8](try Data(contentsOf: StoreFixture.root.appendingPathComponent("corpus/tandpleje/2020-bek-tandpleje.txt")))
        let parsed = RegulationParser.parse(bytes, sourceName: "x")
        #expect(stored.document.root == parsed.document.root)
        #expect(stored.document.metadata == parsed.document.metadata)
        let provision = try store.provision(try Address.parse("§ 21, stk. 3"), in: version)
        #expect(provision.place == "Kapitel 6 Regionstandpleje › § 21 › Stk. 3")
        #expect(provision.text.hasPrefix("Stk. 3."))
    }

    @Test func nodeRowsRoundTrip() throws {
        let parsed = RegulationParser.parse(Array("Bekendtgørelse om x\nKapitel 1 Om x\n§ 1. Stk. 1 her.\nStk. 2. 1) a. 2) b.\n".utf8))
        let rows = NodeRows.build(parsed.document)
        #expect(rows.first?.kind == .document)
        #expect(Int(rows[0].last) == rows.count - 1)
        let lines = LineTable(blob: LineTable(starts: parsed.source.lineStarts).encoded)
        #expect(lines.starts == parsed.source.lineStarts)
        #expect(NodeRows.tree(rows, root: 0, lines: lines) == parsed.document.root)
    }
}
