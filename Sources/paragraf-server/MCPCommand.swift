import ArgumentParser
import ParagrafCommandLine
import ParagrafMCP

/// `mcp`: the corpus database as Model Context Protocol tools over standard input and output, until the client
/// closes them.
struct MCPCommand: ParsableCommand {
    static let configuration = MCPArguments.command

    @OptionGroup var arguments: MCPArguments

    func run() throws {
        let server = ParagrafMCPServer(store: try arguments.storeOptions.openReportingErrors())
        if let failure = BlockingOutcome.wait(for: { try await server.run() }) {
            throw StandardError.failure("mcp: \(failure)")
        }
    }
}
