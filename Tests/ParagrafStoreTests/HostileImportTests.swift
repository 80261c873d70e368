import Foundation
import ParagrafTestSupport
import Testing

@testable import ParagrafStore

/// The import reader on hostile input: every bad document is recorded with its reason and the next one is read.
@Suite struct HostileImportTests {
    /// Imports `content` written to a file named `name`; returns the summary and the store.
    func importFile(_ content: [UInt8], name: String = "input.jsonl", limit: Int = 64 << 20) throws -> (ImportSummary, ParagrafStore) {
        let directory = URL(fileURLWithPath: StoreFixture.temporaryPath()).deletingLastPathComponent()
        let file = directory.appendingPathComponent(name)
        try Data(content).write(to: file)
        let store = try ParagrafStore.open(at: directory.appendingPathComponent("db.sqlite").path, mode: .readWrite)
        var options = CorpusImporter.Options()
        options.maximumDocumentBytes = limit
        return (try store.importer(options: options).run([.path(file.path)]), store)
    }

    /// The first two lines of the fixture extract (BEK 1098/2008 and BEK 179/2012), unchanged.
    static let goodLines: [[UInt8]] = {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: StoreFixture.extract))) ?? Data()
        return data.split(separator: 0x0A, omittingEmptySubsequences: true).prefix(2).map { Array($0) }
    }()

    @Test func badLinesFailAloneWithTheirReasons() throws {
        let good = Self.goodLines
        try #require(good.count == 2)
        let truncated = Array(good[1].prefix(good[1].count / 2))
        let lines: [[UInt8]] = [
            good[0],
            truncated,
            Array(#"{"id": 7, "title": ["not", "a", "string"], "provisions": "none"}"#.utf8),
            [0x00, 0xFF, 0xFE, 0x01, 0x02],
            Array("not json at all".utf8),
            [],
            Array("   ".utf8),
            good[1],
        ]
        let (summary, store) = try importFile(Array(lines.joined(separator: [0x0A])))
        #expect(summary.read == 6)
        #expect(summary.added == 2)
        #expect(summary.failed == 4)
        let failures = try store.failures()
        #expect(
            failures.map {
                URL(fileURLWithPath: String($0.source.split(separator: ":").first!)).lastPathComponent + ":" + $0.source.split(
                    separator: ":"
                ).last!
            }
                == ["input.jsonl:2", "input.jsonl:3", "input.jsonl:4", "input.jsonl:5"])
        #expect(failures[0].reason.hasPrefix("D001 at 1:"))
        #expect(failures[0].reason.contains("not valid JSON"))
        #expect(failures[1].reason.hasPrefix("D003 at 1:"))
        #expect(failures[2].reason == "line 4 is not a JSON object (it starts with byte 0x0)")
        #expect(failures[3].reason == "line 5 is not a JSON object (it starts with \"n\")")
        #expect(try store.counts().documents == 2)
    }

    @Test func aHugeLineIsSkippedWithoutBeingHeld() throws {
        let good = Self.goodLines
        let huge = Array(#"{"title": ""#.utf8) + [UInt8](repeating: 0x61, count: 3 << 20) + Array(#""}"#.utf8)
        let (summary, store) = try importFile(good[0] + [0x0A] + huge + [0x0A] + good[1], limit: 1 << 20)
        #expect(summary.added == 2)
        #expect(summary.failed == 1)
        let failure = try #require(try store.failures().first)
        #expect(failure.reason == "3145741 bytes: over the limit of 1048576 bytes per document (--max-document-bytes)")
    }

    @Test func binaryAndCompressedFiles() throws {
        var random = SplitMix64(seed: 16)
        let binary = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let (summary, store) = try importFile(binary, name: "noise.txt")
        #expect(summary.failed == 1)
        #expect(try store.failures().first?.reason.hasPrefix("binary data, not a regulation text") == true)
        let (zstd, zstdStore) = try importFile([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3], name: "documents.jsonl.zst")
        #expect(zstd.failed == 1)
        #expect(try zstdStore.failures().first?.reason.hasPrefix("compressed data: decompress it first, e.g. `zstd -dc") == true)
        let (empty, emptyStore) = try importFile([], name: "empty.txt")
        #expect(empty.failed == 1)
        #expect(try emptyStore.failures().first?.reason == "empty: no text")
    }

    @Test func prettyPrintedDocumentsOneAfterAnother() throws {
        let a = try Data(contentsOf: StoreFixture.root.appendingPathComponent("fixtures/store/hold-af-dyr/2022_9.json"))
        let b = try Data(contentsOf: StoreFixture.root.appendingPathComponent("fixtures/store/hold-af-dyr/2023_1547.json"))
        let (summary, _) = try importFile([UInt8](a) + [0x0A] + [UInt8](b), name: "two.json")
        #expect(summary.added == 2)
        #expect(summary.failed == 0)
    }

    @Test func missingInputIsAnError() throws {
        let store = try ParagrafStore.open(at: StoreFixture.temporaryPath(), mode: .readWrite)
        #expect(throws: StoreError.unreadableInput("no such file or folder: /nonexistent/input.jsonl")) {
            try store.importer().run([.path("/nonexistent/input.jsonl")])
        }
    }

    @Test func cancellationKeepsWholeDocuments() throws {
        let store = try ParagrafStore.open(at: StoreFixture.temporaryPath(), mode: .readWrite)
        var options = CorpusImporter.Options()
        options.batchSize = 3
        let seen = Counter()
        options.isCancelled = { seen.increment() > 5 }
        let summary = try store.importer(options: options).run([.path(StoreFixture.extract)])
        #expect(summary.interrupted)
        #expect(summary.added >= 1 && summary.added <= 6)
        #expect(try store.counts().documents == summary.added)
        #expect(try store.integrityCheck().isEmpty)
        #expect(summary.link != nil)
    }
}

/// A counter shared with a `@Sendable` closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
