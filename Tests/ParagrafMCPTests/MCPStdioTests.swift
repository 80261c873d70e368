import Foundation
import MCP
import ParagrafStore
import ParagrafTestSupport
import SystemPackage
import Testing

/// `paragraf mcp` as an assistant sees it: the built binary started with pipes, the SDK's client over stdio.
@Suite(.serialized) struct MCPStdioTests {
    /// The bundled corpus imported into a temporary database, once.
    static let database: Result<String, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-mcp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("mcp.sqlite").path
        let writer = try ParagrafStore.open(at: path, mode: .readWrite)
        _ = try writer.importer().run([.path(ParagrafCLI.packageRoot.appendingPathComponent("corpus").path)])
        try writer.close()
        return path
    }

    /// Starts `paragraf mcp --db …`, connects the SDK's client, runs `body`, then closes the pipes.
    static func withClient(_ body: (Client) async throws -> Void) async throws {
        let binary = try #require(ParagrafCLI.binary, "the paragraf binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["mcp", "--db", try database.get()]
        let toServer = Pipe()
        let fromServer = Pipe()
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? toServer.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let transport = StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        let client = Client(name: "paragraf-tests", version: "1")
        let initialized = try await client.connect(transport: transport)
        #expect(initialized.serverInfo.name == "paragraf")
        #expect(initialized.capabilities.tools != nil)
        try await body(client)
        await client.disconnect()
    }

    /// The text of a tool's only content.
    static func text(_ content: [Tool.Content]) -> String {
        guard content.count == 1, case .text(let text, _, _) = content[0] else { return "" }
        return text
    }

    @Test func listsTheEightToolsWithSchemas() async throws {
        try await Self.withClient { client in
            let (tools, _) = try await client.listTools()
            #expect(
                tools.map(\.name) == [
                    "search", "get_provision", "resolve_citation", "cited_by", "history", "compare_versions",
                    "check_citations", "list_versions",
                ])
            for tool in tools {
                #expect(tool.description?.isEmpty == false)
                #expect(tool.inputSchema.objectValue?["type"] == "object", "\(tool.name)")
                #expect(tool.annotations.readOnlyHint == true)
            }
            let provision = try #require(tools.first { $0.name == "get_provision" })
            #expect(provision.inputSchema.objectValue?["required"] == ["citation"])
        }
    }

    @Test func everyToolAnswers() async throws {
        try await Self.withClient { client in
            // § 17, stk. 3 in 2003: the county's specialised treatment after the 18th year.
            let (shown, shownError) = try await client.callTool(
                name: "get_provision", arguments: ["citation": "§ 17, stk. 3", "version": "2003"])
            #expect(shownError == false)
            let provision = Self.text(shown)
            #expect(provision.contains("\"citation\" : \"§ 17, stk. 3\""))
            #expect(provision.contains("\"label\" : \"BEK 1073/2003\""))
            #expect(
                provision.contains("Amtsrådet skal til børn og unge, der er omfattet af stk. 1, tilbyde vederlagsfri specialbehandling"))
            // The same provision on a day in 2005, when BEK 1073/2003 applied.
            let (dated, _) = try await client.callTool(
                name: "get_provision", arguments: ["citation": "§ 17, stk. 3", "at": "2005-06-01"])
            #expect(Self.text(dated).contains("\"label\" : \"BEK 1073/2003\""))

            let (hits, _) = try await client.callTool(
                name: "search", arguments: ["query": "tandregulering", "all_versions": true, "limit": 3])
            #expect(Self.text(hits).contains("\"hits\" : ["))
            #expect(Self.text(hits).contains("\"schemaVersion\" : 1"))

            let (resolved, _) = try await client.callTool(
                name: "resolve_citation", arguments: ["citation": "jf. § 17, stk. 3", "version": "2003", "from": "§ 1, stk. 2"])
            #expect(Self.text(resolved).contains("\"nodeID\" : \"p17/stk3\""))
            #expect(Self.text(resolved).contains("\"status\" : \"resolved\""))

            let (citing, _) = try await client.callTool(name: "cited_by", arguments: ["target": "§ 17 i bekendtgørelse om tandpleje"])
            #expect(Self.text(citing).contains("\"schemaVersion\" : 1"))

            let (history, _) = try await client.callTool(name: "history", arguments: ["citation": "§ 17", "version": "2003"])
            #expect(Self.text(history).contains("\"history\" : {"))
            #expect(Self.text(history).contains("1077/2020") || Self.text(history).contains("\"2020\""))

            let (changes, _) = try await client.callTool(name: "compare_versions", arguments: ["old": "2003", "new": "2020"])
            #expect(Self.text(changes).contains("\"summary\" : {"))
            #expect(Self.text(changes).contains("\"sections\" : [\n\n  ]") || Self.text(changes).contains("\"sections\" : []"))

            let (check, _) = try await client.callTool(name: "check_citations", arguments: ["limit": 5])
            #expect(Self.text(check).contains("\"schemaVersion\" : 1"))

            let (versions, _) = try await client.callTool(name: "list_versions", arguments: ["work": "tandpleje"])
            #expect(Self.text(versions).contains("\"label\" : \"BEK 1073/2003\""))
            #expect(Self.text(versions).contains("\"label\" : \"BEK 1077/2020\""))
        }
    }

    @Test func errorsAreMCPErrorsWithTheCommandLinesMessages() async throws {
        try await Self.withClient { client in
            await #expect {
                _ = try await client.callTool(name: "get_provision", arguments: ["citation": "§ 999", "version": "2003"])
            } throws: { error in
                guard let error = error as? MCPError else { return false }
                return error.code == -32002 && "\(error)".contains("§ 999 findes ikke: dokumentet har §§ 1-33")
            }
            await #expect {
                _ = try await client.callTool(name: "get_provision", arguments: ["citation": "§ abc", "version": "2003"])
            } throws: { error in (error as? MCPError)?.code == -32602 }
            await #expect {
                _ = try await client.callTool(name: "search", arguments: ["query": "x", "at": "2010-13-45"])
            } throws: { error in
                (error as? MCPError)?.code == -32602 && "\(error)".contains("--at expects a date as YYYY-MM-DD, got \"2010-13-45\"")
            }
            await #expect {
                _ = try await client.callTool(name: "list_versions", arguments: ["work": "nowhere"])
            } throws: { error in (error as? MCPError)?.code == -32002 && "\(error)".contains("no work \"nowhere\"") }
            await #expect {
                _ = try await client.callTool(name: "drop_tables", arguments: [:])
            } throws: { error in (error as? MCPError)?.code == -32601 }
        }
    }
}
