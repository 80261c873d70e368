import Foundation
import Paragraf

/// The corpus database a command reads, chosen the way every Paragraf command line chooses it: the file named
/// (by `--db FILE`), else `$PARAGRAF_DB`, else the database of the bundled corpus, built into a cache on first use
/// (``ParagrafStore/bundled(corpusDirectory:cacheDirectory:progress:)``).
///
/// ```swift
/// let choice = StoreChoice(named: databaseOption)      // nil or "": $PARAGRAF_DB, else the bundled corpus
/// let store = try choice.open { note in print("paragraf: \(note)") }
/// ```
///
/// Both executables, `paragraf` and `paragraf-server` (`serve`, `mcp`), open their database through it, so the
/// same options and environment give the same database and the same notes.
public struct StoreChoice: Sendable, Equatable {
    /// The database file named by the option or `$PARAGRAF_DB`; nil for the bundled corpus's database.
    public var path: String?

    /// The database named by `option` (an empty string names none), else by `$PARAGRAF_DB` in `environment`.
    public init(named option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let option, !option.isEmpty {
            path = option
        } else if let variable = environment["PARAGRAF_DB"], !variable.isEmpty {
            path = variable
        } else {
            path = nil
        }
    }

    /// Opens the chosen database read-only: the named file, or the database of the corpus in `corpusDirectory`
    /// (default: the bundled corpus, ``Corpus/bundledDirectory()``) kept in `cacheDirectory` (default:
    /// ``ParagrafStore/defaultCacheDirectory()``), built first when it is missing or outdated.
    ///
    /// - Parameter note: told what the user should hear of on standard error: that the bundled corpus's database
    ///   is being built (once, before the import starts), and that the opened database's links are out of date
    ///   (an import was interrupted while linking).
    public func open(
        corpusDirectory: String? = nil, cacheDirectory: String? = nil,
        note: @escaping @Sendable (StoreNote) -> Void = { _ in }
    ) throws(StoreError) -> ParagrafStore {
        let store: ParagrafStore
        if let path {
            store = try ParagrafStore.open(at: path, mode: .readOnly)
        } else {
            let building = Once { note(.buildingBundledDatabase) }
            store = try ParagrafStore.bundled(
                corpusDirectory: corpusDirectory ?? Corpus.bundledDirectory(), cacheDirectory: cacheDirectory
            ) { _ in building.run() }
        }
        if (try? store.linksAreStale()) == true { note(.staleLinks(path: store.path)) }
        return store
    }
}

extension StoreChoice {
    /// Runs an action the first time only, from any thread (the import reports progress from its workers).
    fileprivate final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var action: (() -> Void)?

        init(_ action: @escaping () -> Void) { self.action = action }

        func run() {
            lock.lock()
            let pending = action
            action = nil
            lock.unlock()
            pending?()
        }
    }
}
