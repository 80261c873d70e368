import Foundation
import Paragraf

/// Starts `paragraf-server` in place of this process for `paragraf serve` and `paragraf mcp`: the web server and
/// the MCP SDK live in that executable, so that every other command starts without loading them (without them
/// the `paragraf` binary is 37 MB instead of 80, and `paragraf --version` takes 12 ms of CPU and 22 MB instead of
/// 20 ms and 31 MB).
///
/// The process is replaced (`execv`), not forked: standard input and output (the MCP protocol), standard error,
/// the process id and signals (Ctrl-C) pass straight to the server.
enum ServerLauncher {
    /// The server executable's file name.
    static let executableName = "paragraf-server"

    /// Where `paragraf-server` is looked for, in order: beside `executable` (symbolic links to it resolved), then
    /// in each folder of `searchPath` (`PATH`).
    static func candidates(executable: String?, searchPath: String?) -> [String] {
        var result: [String] = []
        if let executable {
            let folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            result.append(folder.appendingPathComponent(executableName).path)
        }
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            result.append(String(folder) + "/" + executableName)
        }
        return result
    }

    /// The first candidate that is an executable file, if any.
    static func locate(_ candidates: [String]) -> String? {
        candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }

    /// Replaces this process with `paragraf-server` given the arguments this one was given (`subcommand` first).
    /// When the bundled corpus is not named by `PARAGRAF_CORPUS`, the server is told the one this executable
    /// finds, so that both read the same corpus even when the server was found on `PATH` elsewhere.
    /// Returns only by throwing: the server is missing or cannot be started.
    static func replaceProcess(for subcommand: String) throws -> Never {
        let executable = CorpusLocation.executablePath()
        let environment = ProcessInfo.processInfo.environment
        let looked = candidates(executable: executable, searchPath: environment["PATH"])
        guard let server = locate(looked) else {
            let beside = looked.first.map { " beside paragraf (\($0))" } ?? ""
            throw CLIError(
                "paragraf \(subcommand) runs \(executableName), which was not found\(beside) nor on PATH; build it with `swift build -c release --product \(executableName)` (`swift build` builds both), or install it beside paragraf"
            )
        }
        if (environment["PARAGRAF_CORPUS"] ?? "").isEmpty {
            setenv("PARAGRAF_CORPUS", Corpus.bundledDirectory(), 1)
        }
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first != subcommand { arguments.insert(subcommand, at: 0) }
        var argv: [UnsafeMutablePointer<CChar>?] = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, &argv)
        let reason = String(cString: strerror(errno))
        throw CLIError("cannot start \(server): \(reason)")
    }
}
