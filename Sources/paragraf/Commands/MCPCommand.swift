import ArgumentParser
import ParagrafCommandLine

/// `paragraf mcp`: parsed and checked here, served by `paragraf-server mcp` (``ServerLauncher``), so that the
/// other commands need not load the MCP SDK.
struct MCPCommand: ParsableCommand {
    static let configuration = MCPArguments.command

    @OptionGroup var arguments: MCPArguments

    func run() throws {
        try reportingErrors { try ServerLauncher.replaceProcess(for: Self.configuration.commandName ?? "mcp") }
    }
}
