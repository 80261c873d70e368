import ArgumentParser

/// What `mcp` reads from its command line, and its help: parsed and checked by `paragraf mcp`, then again by
/// `paragraf-server mcp`, which `paragraf` starts in its place with the same arguments.
public struct MCPArguments: ParsableArguments {
    /// The `mcp` command: name, abstract, discussion with examples.
    public static let command = CommandConfiguration(
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

    /// The database served.
    @OptionGroup public var storeOptions: StoreOptions

    public init() {}
}
