import ArgumentParser

/// Commands of the diff module (issue 4): diff, history.
enum DiffCommands {
    static let all: [any ParsableCommand.Type] = []
}
