import ArgumentParser

/// The foundation's commands.
enum CoreCommands {
    static let all: [any ParsableCommand.Type] = [
        VersionsCommand.self, TocCommand.self, ShowCommand.self, ParseCommand.self,
    ]
}
