import Foundation

/// Where the corpus that ships with Paragraf is, so that an installed `paragraf` works from any directory.
///
/// Looked for, in order:
/// 1. `$PARAGRAF_CORPUS`, when set;
/// 2. `corpus/` beside the executable (the binary copied together with the corpus, for example
///    `~/.local/bin/paragraf` and `~/.local/bin/corpus/`), symbolic links to the binary resolved;
/// 3. `../share/paragraf/corpus/` from the executable's folder (`~/.local/bin/paragraf` and
///    `~/.local/share/paragraf/corpus/`, the usual layout of an install prefix);
/// 4. `corpus/` at the root of the package the library was built from (a checkout: `swift run`, `swift test`).
///
/// The first folder that exists wins; when none does, the last candidate is returned and opening it reports the
/// missing folder with the hint to use `--corpus DIR` or `PARAGRAF_CORPUS`.
public enum CorpusLocation {
    /// The folders looked at, in order (the environment variable first when set).
    public static func candidates(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = CorpusLocation.executablePath()
    ) -> [String] {
        var result: [String] = []
        if let env = environment["PARAGRAF_CORPUS"], !env.isEmpty { result.append(env) }
        if let executable {
            let folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            result.append(folder.appendingPathComponent("corpus").path)
            result.append(
                folder.deletingLastPathComponent().appendingPathComponent("share/paragraf/corpus").standardizedFileURL.path)
        }
        result.append(packageCorpus())
        return result
    }

    /// The corpus to open: the first candidate that exists (`$PARAGRAF_CORPUS` always, when set).
    public static func bundled() -> String {
        let all = candidates()
        if let env = ProcessInfo.processInfo.environment["PARAGRAF_CORPUS"], !env.isEmpty { return env }
        var isDirectory: ObjCBool = false
        return all.first { FileManager.default.fileExists(atPath: $0 + "/", isDirectory: &isDirectory) && isDirectory.boolValue }
            ?? all.last!
    }

    /// The `corpus/` of the package this library was compiled from (Sources/Paragraf/Corpus/ → root).
    static func packageCorpus() -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("corpus").path
    }

    /// The running executable's path (`/proc/self/exe` on Linux, the bundle's on Darwin).
    public static func executablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
