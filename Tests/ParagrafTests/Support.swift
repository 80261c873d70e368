import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

/// Paths and loaders shared by the tests.
enum TestSupport {
    /// The package root, from this file's path.
    static let root = ParagrafCLI.packageRoot

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(relativePath)
        return [UInt8](try Data(contentsOf: url))
    }

    static func parse(_ relativePath: String) throws -> ParsedDocument {
        RegulationParser.parse(try bytes(relativePath), sourceName: relativePath)
    }

    static let v2003 = "corpus/tandpleje/2003-bek-tandpleje.txt"
    static let v2020 = "corpus/tandpleje/2020-bek-tandpleje.txt"

    /// Checks that every non-whitespace byte lies in exactly one atom (leaf, label or title range) and that
    /// atoms lie within the source. Returns a description of the first violation, or nil.
    static func atomViolation(_ parsed: ParsedDocument) -> String? {
        let bytes = parsed.source.bytes
        var cover = [UInt8](repeating: 0, count: bytes.count)
        var problem: String?
        func mark(_ range: SourceRange, _ what: String) {
            guard range.start.offset >= 0, range.end.offset <= bytes.count, range.start.offset <= range.end.offset else {
                problem = problem ?? "\(what) has an invalid range \(range.start.offset)..<\(range.end.offset)"
                return
            }
            for i in range.offsets { cover[i] &+= 1 }
        }
        parsed.document.root.forEach { node in
            if let r = node.labelRange { mark(r, "label of \(node.id)") }
            if let r = node.titleRange { mark(r, "title of \(node.id)") }
            if node.children.isEmpty && node.kind != .document { mark(node.range, node.id.description) }
        }
        if let problem { return problem }
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let space = Bytes.spaceLength(b, i)
                if space > 0 {
                    i += space
                    continue
                }
                if cover[i] != 1 {
                    let position = parsed.source.position(i)
                    problem = "byte \(i) (\(position)) is covered \(cover[i]) times"
                    return
                }
                i += 1
            }
        }
        return problem
    }

    /// Compares `actual` with the golden file at `relativePath`; PARAGRAF_RECORD=1 rewrites the file.
    static func assertGolden(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["PARAGRAF_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record(
                "differs from \(relativePath) at line \(line + 1): expected \"\(line < e.count ? String(e[line]) : "<end>")\", got \"\(line < a.count ? String(a[line]) : "<end>")\" (PARAGRAF_RECORD=1 re-records)",
                sourceLocation: sourceLocation)
        }
    }
}
