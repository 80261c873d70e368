import Foundation
import Testing

/// Golden files: the one way every test compares a long output with a file a reviewer can read.
///
/// `PARAGRAF_RECORD=1 swift test` rewrites the files instead of comparing (then review them with `git diff`).
public enum Golden {
    /// Whether this run re-records golden files (`PARAGRAF_RECORD=1`).
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["PARAGRAF_RECORD"] == "1" }

    /// Compares `actual` with the file at `relativePath` (from the package root); records the first line that
    /// differs, both texts of it, as a test issue. When recording, writes the file (creating its folder).
    public static func expect(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = ParagrafCLI.packageRoot.appendingPathComponent(relativePath)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard let line = firstDifference(expected, actual) else { return }
        Issue.record(
            """
            \(relativePath) differs at line \(line.number)
              expected: \(line.expected)
              actual:   \(line.actual)
            (PARAGRAF_RECORD=1 swift test re-records)
            """,
            sourceLocation: sourceLocation)
    }

    /// The first line where the texts differ (1-based), with both versions of it ("<end>" past a text's end).
    static func firstDifference(_ expected: String, _ actual: String) -> (number: Int, expected: String, actual: String)? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        return (index + 1, index < e.count ? String(e[index]) : "<end>", index < a.count ? String(a[index]) : "<end>")
    }
}
