import Foundation

/// Runs the built `paragraf` binary for the CLI tests of every module, capturing output and exit status.
///
/// Output goes to files rather than pipes, so that a child writing much to both streams can never block.
public enum ParagrafCLI {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The binary was not found next to the tests: a test failure, never a silent skip.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "the paragraf binary was not built next to the tests" }
    }

    /// The package root.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `paragraf` binary built with the tests.
    public static let binary: URL? = executable(named: "paragraf")

    /// An executable of the package built with the tests (`paragraf`, `library-tour`), or nil.
    public static func executable(named name: String) -> URL? {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var candidates = [
            testBinary.deletingLastPathComponent().appendingPathComponent(name),
            testBinary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(name),
        ]
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/\(name)"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `paragraf arguments` (or another `executable` of the package) in `directory` (default: the package
    /// root) with `stdin` as standard input, `PARAGRAF_CORPUS` and `NO_COLOR` removed from the environment and
    /// `environment` added.
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: URL? = nil,
        executable: String = "paragraf"
    ) throws -> Result {
        guard let binary = executable == "paragraf" ? binary : Self.executable(named: executable) else { throw NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARAGRAF_CORPUS")
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let scratch = FileManager.default.temporaryDirectory
        let stem = "paragraf-cli-test-\(UUID().uuidString)"
        let outURL = scratch.appendingPathComponent(stem + ".out")
        let errURL = scratch.appendingPathComponent(stem + ".err")
        let inURL = scratch.appendingPathComponent(stem + ".in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
        defer {
            for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) }
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try input.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
