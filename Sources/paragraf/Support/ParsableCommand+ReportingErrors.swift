import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into a message on standard error and its exit status.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            throw StandardError.failure(error.message, exitCode: error.exitCode)
        }
    }
}
