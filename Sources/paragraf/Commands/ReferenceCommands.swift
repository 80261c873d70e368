import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

/// Commands of the references module (issue 3): refs, cited-by, resolve, check, cite.
enum ReferenceCommands {
    static let all: [any ParsableCommand.Type] = [
        RefsCommand.self, CitedByCommand.self, ResolveCommand.self, CheckCommand.self, CiteCommand.self,
    ]

    /// The JSON schema version of the reference commands' output.
    static let schemaVersion = 1
}

// MARK: - Shared rendering

/// Reads a citation typed by a user ("§ 17, stk. 3") as an address, exit 64 when unreadable.
func parseUserAddress(_ text: String) throws -> Address {
    do {
        return try Address.parse(text)
    } catch {
        throw CLIError(error.description, exitCode: 64)
    }
}

// MARK: - refs

// MARK: - cited-by

// MARK: - resolve

// MARK: - check

// MARK: - cite
