import ArgumentParser
import ParagrafCommandLine
import ParagrafStore

extension StoreOptions {
    /// Opens the database the options choose, or says why not on standard error and throws the exit status.
    func openReportingErrors() throws -> ParagrafStore {
        do {
            return try open(corpusDirectory: nil)
        } catch {
            throw StandardError.failure(error.description, exitCode: error.exitCode)
        }
    }
}
