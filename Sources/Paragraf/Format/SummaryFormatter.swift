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
