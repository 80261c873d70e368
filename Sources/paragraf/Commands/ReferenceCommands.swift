import ArgumentParser

/// Commands of the references module (issue 3): refs, cited-by, resolve, check, cite.
enum ReferenceCommands {
    static let all: [any ParsableCommand.Type] = []
}
