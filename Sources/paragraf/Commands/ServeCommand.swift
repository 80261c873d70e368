import ArgumentParser
import ParagrafCommandLine

/// `paragraf serve`: parsed and checked here, served by `paragraf-server serve` (``ServerLauncher``), so that
/// the other commands need not load the web server.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeArguments.command

    @OptionGroup var arguments: ServeArguments

    func run() throws {
        try reportingErrors { try ServerLauncher.replaceProcess(for: Self.configuration.commandName ?? "serve") }
    }
}
