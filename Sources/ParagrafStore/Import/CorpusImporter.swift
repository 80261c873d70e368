import Foundation
import GRDB
import Paragraf

/// Imports documents into a ``ParagrafStore``: streaming, in batched transactions, skipping documents already
/// there with the same content, recording the ones that fail, then linking works, versions and citations.
///
/// ```swift
/// let store = try ParagrafStore.open(at: "law.sqlite", mode: .readWrite)
/// let summary = try store.importer().run([.path("documents-dev.jsonl")])
/// print(summary.added, summary.failed)
/// ```
///
/// Every batch is one transaction, so an interruption (``Options/isCancelled``, Ctrl-C on the command line)
/// leaves the database with whole documents only; the link step then runs over what is in (and, if it is
/// interrupted too, the next import or ``ParagrafStore/relink()`` completes it).
public struct CorpusImporter: Sendable {
    /// How an import runs.
    public struct Options: Sendable {
        /// Documents per transaction.
        public var batchSize = 250
        /// The largest document accepted, in bytes; a longer one is recorded as failed without being read whole.
        public var maximumDocumentBytes = 64 << 20
        /// Asked after each document; true stops the import after it (and its batch is committed).
        public var isCancelled: @Sendable () -> Bool = { false }
        /// Asked during the link step; true abandons the link (the database keeps the previous links and is
        /// marked for relinking).
        public var isLinkCancelled: @Sendable () -> Bool = { false }
        /// Called now and then with the progress.
        public var progress: @Sendable (ImportProgress) -> Void = { _ in }

        /// Default options.
        public init() {}
    }

    let store: ParagrafStore
    /// The options.
    public var options: Options

    /// Imports `inputs` and links the corpus. Failed documents do not stop it; they are in the summary.
    /// Throws only when the inputs cannot be opened or the database cannot be written.
    public func run(_ inputs: [ImportInput]) throws(StoreError) -> ImportSummary {
        let started = Date()
        var summary = ImportSummary()
        let reader = try ImportReader(inputs, limit: options.maximumDocumentBytes)
        let preparer = DocumentPreparer(maximumBytes: options.maximumDocumentBytes)
        let now = ISO8601DateFormatter().string(from: started)
        var known = try store.read { db in try Self.knownDocuments(db) }
        let queue = PreparationQueue(
            reader: reader, preparer: preparer, known: known.hashes, capacity: 32, isCancelled: options.isCancelled)
        var lastProgress = Date.distantPast
        func report(_ phase: String) {
            options.progress(
                ImportProgress(
                    read: summary.read, imported: summary.added + summary.replaced, failed: summary.failed,
                    bytes: summary.bytes, totalBytes: queue.totalBytes, seconds: Date().timeIntervalSince(started), phase: phase))
        }
        queue.start()
        do {
            try store.writeWithoutTransaction { db in
                var nextID = try ImportWriter.nextDocumentID(db)
                var done = false
                while !done {
                    try db.inTransaction(.immediate) {
                        let writer = try ImportWriter(db)
                        var inBatch = 0
                        while inBatch < options.batchSize {
                            guard let (item, read, bytes) = queue.next() else {
                                done = true
                                break
                            }
                            summary.read = read
                            summary.bytes = bytes
                            inBatch += 1
                            try write(item, db: db, writer: writer, known: &known, nextID: &nextID, summary: &summary, now: now)
                            if Date().timeIntervalSince(lastProgress) > 0.2 {
                                lastProgress = Date()
                                report("importing")
                            }
                        }
                        return .commit
                    }
                }
                summary.interrupted = queue.wasCancelled
                report("importing")
                let stale = try Self.linksAreStale(db)
                if summary.added + summary.replaced > 0 || stale {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('links', 'stale')")
                    report("linking")
                    do {
                        summary.link = try Linker(db: db, isCancelled: options.isLinkCancelled).run()
                    } catch is Linker.Cancelled {
                        summary.interrupted = true
                    }
                }
            }
        } catch {
            queue.stop()
            throw error
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes what the preparing thread made of one input: a document (replacing an older import of the same
    /// document), a failure, or nothing for an input already there.
    private func write(
        _ item: PreparedItem, db: Database, writer: ImportWriter, known: inout KnownDocuments, nextID: inout Int64,
        summary: inout ImportSummary, now: String
    ) throws {
        switch item {
        case .error(let error):
            throw error
        case .unchanged(let source):
            summary.unchanged += 1
            try db.execute(sql: "DELETE FROM failures WHERE source = ?", arguments: [source])
        case .failed(let failure):
            summary.failed += 1
            if summary.failures.count < 100 { summary.failures.append(.init(source: failure.source, reason: failure.reason)) }
            try writer.recordFailure(failure, now: now)
        case .prepared(let document):
            if let old = known.byKey[document.key] {
                try writer.delete(documentID: old)
                summary.replaced += 1
            } else {
                summary.added += 1
            }
            try writer.write(document, id: nextID, now: now)
            known.byKey[document.key] = nextID
            nextID += 1
            try db.execute(sql: "DELETE FROM failures WHERE source = ?", arguments: [document.source])
        }
    }

    /// The documents already in the database: their content hashes and their ids by key.
    struct KnownDocuments {
        var hashes: Set<String>
        var byKey: [String: Int64]
    }

    static func knownDocuments(_ db: Database) throws -> KnownDocuments {
        var known = KnownDocuments(hashes: [], byKey: [:])
        for row in try Row.fetchAll(db, sql: "SELECT id, key, sha256 FROM documents") {
            known.byKey[row[1]] = row[0]
            known.hashes.insert(row[2])
        }
        return known
    }

    static func linksAreStale(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'links'") == "stale"
    }
}

extension ParagrafStore {
    /// An importer into this store (which must be open for writing).
    public func importer(options: CorpusImporter.Options = CorpusImporter.Options()) -> CorpusImporter {
        CorpusImporter(store: self, options: options)
    }

    /// Runs the link step (works, versions, cross-document citations) again over the whole database.
    public func relink(isCancelled: @escaping @Sendable () -> Bool = { false }) throws(StoreError) -> LinkSummary {
        try writeWithoutTransaction { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('links', 'stale')")
            return try Linker(db: db, isCancelled: isCancelled).run()
        }
    }

    /// Whether the links are out of date (an import was interrupted while linking).
    public func linksAreStale() throws(StoreError) -> Bool {
        try read { db in try CorpusImporter.linksAreStale(db) }
    }
}
