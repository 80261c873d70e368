import Foundation
import ParagrafTestSupport
import Testing
import Paragraf
@testable import ParagrafDiff

/// The package root, found from this file's path.
let packageRoot = ParagrafCLI.packageRoot

func parseFile(_ relative: String) throws -> ParsedDocument {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent(relative))
    return RegulationParser.parse([UInt8](data), sourceName: relative)
}

func parseText(_ text: String, name: String) -> ParsedDocument {
    RegulationParser.parse(text: text, sourceName: name)
}

let corpus2003 = "corpus/tandpleje/2003-bek-tandpleje.txt"
let corpus2020 = "corpus/tandpleje/2020-bek-tandpleje.txt"

/// Compares `actual` with the golden file at `relative`, or writes it when `PARAGRAF_RECORD` is set.
func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent(relative)
    if ProcessInfo.processInfo.environment["PARAGRAF_RECORD"].map({ !$0.isEmpty }) ?? false {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != actual {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let want = line < a.count ? String(a[line]) : "<end>"
        let got = line < b.count ? String(b[line]) : "<end>"
        Issue.record(
            "\(relative) differs at line \(line + 1)\n  expected: \(want)\n  actual:   \(got)\n(re-record with PARAGRAF_RECORD=1)",
            sourceLocation: sourceLocation)
    }
}

/// The nodes the two versions share by id, with each one's token range in its version (old, new), in the
/// old version's order: what the text-equality tests compare.
func tokenRangesOfSharedIDs(_ old: FlatVersion, _ new: FlatVersion) -> [(id: NodeID, old: Range<Int>, new: Range<Int>)] {
    var newByID: [NodeID: Int] = [:]
    for k in new.nodes.indices { newByID[new.nodes[k].id] = k }
    return old.nodes.indices.compactMap { k in
        guard let j = newByID[old.nodes[k].id] else { return nil }
        return (
            old.nodes[k].id, Int(old.nodes[k].tokenStart)..<Int(old.nodes[k].tokenEnd),
            Int(new.nodes[j].tokenStart)..<Int(new.nodes[j].tokenEnd)
        )
    }
}
