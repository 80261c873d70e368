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
