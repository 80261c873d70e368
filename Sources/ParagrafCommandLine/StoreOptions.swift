import ArgumentParser
import ParagrafStore

/// `--db FILE` (or `PARAGRAF_DB`): the corpus database a data command reads; without it, the database of the
/// bundled corpus, built on first use into a cache (``StoreChoice``). Shared by `paragraf` and `paragraf-server`.
public struct StoreOptions: ParsableArguments {
    /// The file given with `--db`, if any.
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The corpus database (default: $PARAGRAF_DB, else the bundled corpus's, built on first use).",
            valueName: "FILE"))
    public var database: String?

    public init() {}

    /// The database chosen by `--db`, `PARAGRAF_DB` or neither.
    public var choice: StoreChoice { StoreChoice(named: database) }

    /// The database named by `--db` or `PARAGRAF_DB`, if any.
    public var namedDatabase: String? { choice.path }

    /// Opens the named database read-only, or the bundled corpus's (the corpus in `corpusDirectory` when given),
    /// building it on first use; the notes (building, links out of date) go to standard error.
    public func open(corpusDirectory: String?) throws(StoreError) -> ParagrafStore {
        try choice.open(corpusDirectory: corpusDirectory) { note in StandardError.write("paragraf: \(note)") }
    }
}
