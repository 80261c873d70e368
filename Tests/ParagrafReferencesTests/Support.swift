import Foundation
import ParagrafTestSupport
import Testing

@testable import ParagrafReferences

/// Locates repository files from this source file, so tests run from any working directory.
enum Repo {
    static let root = ParagrafCLI.packageRoot

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// A corpus version of Bekendtgørelse om tandpleje, parsed.
    static func tandpleje(_ year: String) throws -> ParsedDocument {
        RegulationParser.parse(try bytes("corpus/tandpleje/\(year)-bek-tandpleje.txt"), sourceName: "\(year)-bek-tandpleje.txt")
    }
}

/// Reads `text` as regulation text standing in node `nodeID`.
func extract(_ text: String, in nodeID: NodeID? = nil) -> [Citation] {
    let source = SourceText(bytes: Array(text.utf8))
    return CitationExtractor().citations(in: source, range: 0..<source.bytes.count, nodeID: nodeID)
}

/// A compact, hand-checkable line for a resolved citation:
/// `source | lead | text | targets`, each target a node id, `ext:<act> <address>`, or `!<reason>`;
/// instruments as `BEK 1658 2017-12-22`, EU regulations as `EU 883/2004`, bare acts as `act:<key>`.
func summary(_ r: ResolvedCitation) -> String {
    let c = r.citation
    var targets: [String] = r.targets.map { t in
        switch t.status {
        case .resolved: return t.nodeID?.description ?? "?"
        case .external: return "ext:\(t.target.act?.key ?? "-") \(t.target.address)"
        case .unresolved: return "!\(t.reason?.rawValue ?? "?")"
        }
    }
    if let i = c.instrument { targets.append("\(i.type.abbreviation) \(i.number ?? "?") \(i.date?.description ?? "?")") }
    if let eu = c.euRegulation { targets.append("EU \(eu.number)") }
    if c.targets.isEmpty, let act = c.act { targets.append("act:\(act.key)") }
    return "\(r.sourceID ?? "-") | \(c.lead.rawValue) | \(c.text) | \(targets.joined(separator: " "))"
}
