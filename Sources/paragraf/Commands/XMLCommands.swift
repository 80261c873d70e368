import ArgumentParser

/// Commands of the XML module (issue 5): export.
enum XMLCommands {
    static let all: [any ParsableCommand.Type] = []
}
