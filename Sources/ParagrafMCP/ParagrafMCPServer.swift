import MCP
import ParagrafStore

/// `paragraf mcp`: the corpus as Model Context Protocol tools (``ParagrafTools``) over a transport, standard
/// input and output by default.
///
/// ```swift
/// let server = ParagrafMCPServer(store: try ParagrafStore.open(at: "law.sqlite"))
/// try await server.run()   // until the client closes standard input
/// ```
public struct ParagrafMCPServer: Sendable {
    /// The answers given.
    public let answers: MCPToolAnswers

    /// A server over `store`.
    public init(store: ParagrafStore) { answers = MCPToolAnswers(store: store) }

    /// Serves over `transport` until the client disconnects.
    public func run(transport: any Transport = StdioTransport()) async throws {
        let server = Server(
            name: "paragraf", version: "0.1.0", title: "Paragraf: Danish law, version by version",
            instructions: """
                Danish regulations and acts, every version, with resolved citations. Use list_versions to find a \
                work and its versions, get_provision to read a provision ("§ 17, stk. 3") at a version or a date, \
                history and compare_versions for what changed, search for full text, cited_by and \
                resolve_citation for citations. Answers are the JSON of the paragraf command line.
                """,
            capabilities: .init(tools: .init(listChanged: false)))
        let answers = self.answers
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: ParagrafTools.all) }
        await server.withMethodHandler(CallTool.self) { params in try answers.call(params.name, params.arguments) }
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
    }
}
