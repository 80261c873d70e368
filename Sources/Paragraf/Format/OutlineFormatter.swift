/// Renders a document as an indented outline, one node per line: id, label, number, title and the
/// first words of the text. Used by `paragraf parse --format text` and by golden-file tests.
public struct OutlineFormatter: Sendable {
    /// How many characters of leaf text to show (0 for all).
    public var textWidth: Int

    /// Creates a formatter.
    public init(textWidth: Int = 60) { self.textWidth = textWidth }

    /// The outline of a parsed document (its source gives each node's line and column).
    public func format(_ parsed: ParsedDocument) -> String {
        var lines: [String] = []
        let locations = parsed.source.locations
        for child in parsed.document.root.children { append(child, depth: 0, locations: locations, to: &lines) }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    private func append(_ node: Node, depth: Int, locations: SourceLocationConverter, to lines: inout [String]) {
        var line = String(repeating: "  ", count: depth) + node.kind.rawValue + " " + node.id.description
        if let label = node.label { line += " [\(label)]" }
        if node.isRepealed { line += " (ophævet)" }
        if let title = node.title { line += " \u{201C}\(title)\u{201D}" }
        if let text = node.text { line += ": " + excerpt(text) }
        line += " @\(locations.location(of: node.range.start))"
        lines.append(line)
        for child in node.children { append(child, depth: depth + 1, locations: locations, to: &lines) }
    }

    private func excerpt(_ text: String) -> String {
        guard textWidth > 0, text.count > textWidth else { return text }
        return String(text.prefix(textWidth)) + "…"
    }
}

/// A one-line count of a document's structure, e.g. "9 chapters, 33 §§, 120 stk., 37 nr., 212 pkt., 1 bilag".
public struct SummaryFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// Counts of every node kind (the kinds the document has).
    public func counts(_ document: Document) -> [NodeKind: Int] {
        // A tally by kind in a walk that reads only each node's kind: through `forEach` and a dictionary it cost
        // a quarter of `paragraf parse DIR --format summary` (a closure call, a hash and an update per node).
        var tally = [Int](repeating: 0, count: NodeKind.allCases.count)
        Self.tallyKinds(document.root, into: &tally)
        var counts: [NodeKind: Int] = [:]
        for (kind, count) in zip(NodeKind.allCases, tally) where count > 0 { counts[kind] = count }
        return counts
    }

    static func tallyKinds(_ node: Node, into tally: inout [Int]) {
        tally[node.kind.ordinal] += 1
        for child in node.children { tallyKinds(child, into: &tally) }
    }

    /// The summary line.
    public func format(_ document: Document) -> String {
        let c = counts(document)
        let warnings = document.diagnostics.filter { $0.severity >= .warning }.count
        var parts = [
            "\(c[.chapter] ?? 0) kapitler", "\(c[.section] ?? 0) §§", "\(c[.subsection] ?? 0) stk.", "\(c[.item] ?? 0) nr.",
            "\(c[.sentence] ?? 0) pkt.", "\(c[.annex] ?? 0) bilag",
        ]
        if let partCount = c[.part], partCount > 0 { parts.insert("\(partCount) afsnit", at: 0) }
        if let unplaced = c[.unplaced], unplaced > 0 { parts.append("\(unplaced) uplaceret") }
        parts.append("\(document.diagnostics.count) diagnostics (\(warnings) warnings)")
        return "\(document.sourceName): " + parts.joined(separator: ", ")
    }
}

extension NodeKind {
    /// The position in `allCases`, without searching it.
    var ordinal: Int {
        switch self {
        case .document: 0
        case .title: 1
        case .preamble: 2
        case .part: 3
        case .chapter: 4
        case .section: 5
        case .subsection: 6
        case .item: 7
        case .sentence: 8
        case .signature: 9
        case .annex: 10
        case .block: 11
        case .unplaced: 12
        }
    }
}
