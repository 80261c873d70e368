import ArgumentParser
import Foundation
import Paragraf
import ParagrafStore

/// `--db FILE` (or `PARAGRAF_DB`): the corpus database a data command reads; without it, the database of the
/// bundled corpus, built on first use into a cache.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The corpus database (default: $PARAGRAF_DB, else the bundled corpus's, built on first use).",
            valueName: "FILE"))
    var database: String?

    /// The database named by `--db` or `PARAGRAF_DB`, if any.
    var namedDatabase: String? {
        if let database, !database.isEmpty { return database }
        if let env = ProcessInfo.processInfo.environment["PARAGRAF_DB"], !env.isEmpty { return env }
        return nil
    }

    /// Opens the named database read-only, or the bundled corpus's (building it on first use, with a note on
    /// standard error).
    func open(corpus: CorpusOptions? = nil) throws -> ParagrafStore {
        let store = try storeQuery { try openStore(corpus: corpus) }
        if (try? store.linksAreStale()) == true {
            Output.error(
                "paragraf: warning: \(store.path): the last import was interrupted while linking; works and citations may be out of date (run `paragraf import --db \(store.path)` to finish)"
            )
        }
        return store
    }

    private func openStore(corpus: CorpusOptions?) throws(StoreError) -> ParagrafStore {
        if let path = namedDatabase { return try ParagrafStore.open(at: path, mode: .readOnly) }
        let directory = corpus?.directory ?? Corpus.bundledDirectory()
        let announced = Announcement()
        return try ParagrafStore.bundled(corpusDirectory: directory) { _ in announced.once() }
    }
}

/// Prints "building the corpus database…" once.
final class Announcement: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func once() {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        Output.error("paragraf: building the database of the bundled corpus (once)…")
    }
}

extension StoreError {
    /// The exit status of the command line: 64 for a request that cannot be read, else 1.
    var exitCode: Int32 {
        if case .badRequest = self { return 64 }
        return 1
    }
}

/// Runs a store query, turning its errors into CLI errors.
func storeQuery<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIError(error.description, exitCode: error.exitCode)
    }
}
