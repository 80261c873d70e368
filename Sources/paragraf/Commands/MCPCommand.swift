import ArgumentParser
import Foundation
import ParagrafMCP
import ParagrafStore

struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the corpus database to an AI assistant: Model Context Protocol over standard input/output.",
        discussion: """
            Tools: search, get_provision, resolve_citation, cited_by, history, compare_versions, \
            check_citations, list_versions; each answers with the JSON of the matching command's --format json, \
            and errors are MCP errors with the command line's messages. Read-only. Standard output carries the \
            protocol only; notes go to standard error. The assistant starts the command itself; register it as \
            a stdio server, e.g. in a client's JSON configuration:
              {"mcpServers": {"paragraf": {"command": "paragraf", "args": ["mcp", "--db", "/path/law.sqlite"]}}}

            Examples:
              paragraf mcp
              paragraf mcp --db law.sqlite
              claude mcp add paragraf -- paragraf mcp --db law.sqlite
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let server = ParagrafMCPServer(store: try storeOptions.open())
            let outcome = BlockingOutcome()
            Task.detached {
                do {
                    try await server.run()
                    outcome.finish(nil)
                } catch {
                    outcome.finish("\(error)")
                }
            }
            if let failure = outcome.wait() { throw CLIError("mcp: \(failure)") }
        }
    }
}
