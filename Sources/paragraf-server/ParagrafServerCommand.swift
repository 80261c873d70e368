import ArgumentParser
import ParagrafCommandLine

/// `paragraf-server`: the executable that holds `paragraf serve` and `paragraf mcp` with the web server
/// (Hummingbird on SwiftNIO) and the MCP SDK, which `paragraf` starts in its own place for those two commands.
/// It runs on its own too, with the same subcommands and options.
@main
struct ParagrafServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraf-server",
        abstract: "Serve the corpus database: a web site and JSON API (serve), or MCP tools over stdio (mcp).",
        discussion: """
            The executable behind `paragraf serve` and `paragraf mcp`, which start it in their place with the \
            same arguments; install it beside `paragraf`. It runs on its own too.

            Examples:
              paragraf-server serve --port 8081
              paragraf-server mcp --db law.sqlite
            """,
        version: ParagrafVersion.current,
        subcommands: [ServeCommand.self, MCPCommand.self]
    )
}
