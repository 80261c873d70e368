import Foundation
import ParagrafTestSupport
import Testing

/// `paragraf serve` and `paragraf mcp` are parsed by `paragraf` and served by `paragraf-server`, which replaces the
/// process: the help and the option checks without the server, the clear error when it is missing, the server
/// started in place (same process, signals passed), and `paragraf-server` on its own.
@Suite("paragraf serve and mcp through paragraf-server", .serialized)
struct ServerLaunchTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-launch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `paragraf` copied alone into a fresh folder (no `paragraf-server` beside it).
    static func loneParagraf() throws -> URL {
        let binary = try #require(ParagrafCLI.binary)
        let copy = try scratch().appendingPathComponent("paragraf")
        try FileManager.default.copyItem(at: binary, to: copy)
        return copy
    }

    /// Runs `binary arguments` with a PATH that holds no `paragraf-server`; status, standard output and error.
    static func run(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = binary.deletingLastPathComponent()
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/bin:/bin"
        process.environment = environment
        let directory = binary.deletingLastPathComponent()
        let out = directory.appendingPathComponent("out.txt")
        let err = directory.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8)
        )
    }

    @Test(arguments: ["serve", "mcp"]) func withoutTheServerBesideItSaysWhereItLookedAndHowToFixIt(command: String) throws {
        let paragraf = try Self.loneParagraf()
        defer { try? FileManager.default.removeItem(at: paragraf.deletingLastPathComponent()) }
        let result = try Self.run(paragraf, [command, "--db", "law.sqlite"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let beside = paragraf.deletingLastPathComponent().appendingPathComponent("paragraf-server").path
        #expect(
            result.stderr
                == "paragraf: error: paragraf \(command) runs paragraf-server, which was not found beside paragraf (\(beside)) nor on PATH; build it with `swift build -c release --product paragraf-server` (`swift build` builds both), or install it beside paragraf\n"
        )
    }

    @Test func optionsAndHelpAreParagrafsWithoutTheServer() throws {
        let paragraf = try Self.loneParagraf()
        defer { try? FileManager.default.removeItem(at: paragraf.deletingLastPathComponent()) }
        let badPort = try Self.run(paragraf, ["serve", "--port", "70000"])
        #expect(badPort.status == 64)
        #expect(
            badPort.stderr.hasPrefix(
                "Error: --port must be 0…65535, got 70000\nUsage: paragraf serve [--db <FILE>] [--host <host>] [--port <port>]"))
        let unknown = try Self.run(paragraf, ["mcp", "--verbose"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--verbose'\nUsage: paragraf mcp [--db <FILE>]"))
        let help = try Self.run(paragraf, ["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Serve the corpus database as a read-only web site and JSON API."))
        #expect(help.stdout.contains("USAGE: paragraf serve [--db <FILE>] [--host <host>] [--port <port>]"))
        #expect(help.stdout.contains("  paragraf serve --db law.sqlite --port 8081\n"))
        #expect(help.stdout.contains("  --port <port>           The TCP port (0: any free port, printed on start).\n"))
        let mcpHelp = try Self.run(paragraf, ["mcp", "--help"])
        #expect(mcpHelp.status == 0)
        #expect(mcpHelp.stdout.contains("claude mcp add paragraf -- paragraf mcp --db law.sqlite"))
        let listed = try Self.run(paragraf, ["--help"])
        #expect(listed.stdout.contains("  serve                   Serve the corpus database as a read-only web site and\n"))
    }

    /// `paragraf serve` becomes `paragraf-server serve` in the same process: the server's note on standard error,
    /// the process's executable is the server, and Ctrl-C (SIGINT) stops it cleanly.
    @Test func serveReplacesTheProcessWithTheServer() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("law.sqlite").path
        let imported = try ParagrafCLI.run(["import", "fixtures/store/hold-af-dyr", "--db", db, "--quiet"])
        #expect(imported.status == 0)
        let binary = try #require(ParagrafCLI.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--db", db, "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.hasPrefix("paragraf: serving \(db) at http://127.0.0.1:"))
        #if os(Linux)
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process.processIdentifier)/exe")
            #expect(executable.hasSuffix("/paragraf-server"))
        #endif
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test func theServerRunsOnItsOwn() throws {
        let help = try ParagrafCLI.run(["--help"], executable: "paragraf-server")
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: paragraf-server <subcommand>"))
        #expect(help.stdout.contains("  serve                   Serve the corpus database as a read-only web site and\n"))
        #expect(help.stdout.contains("  mcp                     Serve the corpus database to an AI assistant: Model\n"))
        let badPort = try ParagrafCLI.run(["serve", "--port", "70000"], executable: "paragraf-server")
        #expect(badPort.status == 64)
        #expect(badPort.stderr.contains("--port must be 0…65535, got 70000"))
        let missing = try ParagrafCLI.run(["mcp", "--db", "/nonexistent/law.sqlite"], executable: "paragraf-server")
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("paragraf: error: no database at /nonexistent/law.sqlite"))
        let throughParagraf = try ParagrafCLI.run(["mcp", "--db", "/nonexistent/law.sqlite"])
        #expect(throughParagraf.status == 1)
        #expect(throughParagraf.stderr == missing.stderr)
        let version = try ParagrafCLI.run(["--version"], executable: "paragraf-server")
        #expect(version.stdout == (try ParagrafCLI.run(["--version"])).stdout)
    }
}
