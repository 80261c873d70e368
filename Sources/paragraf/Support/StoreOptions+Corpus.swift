import ParagrafCommandLine
import ParagrafStore

extension StoreOptions {
    /// Opens the named database read-only, or the bundled corpus's (the one `--corpus` names, when given),
    /// building it on first use with a note on standard error; errors as ``CLIError``.
    func open(corpus: CorpusOptions? = nil) throws -> ParagrafStore {
        try storeQuery { try open(corpusDirectory: corpus?.directory) }
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
