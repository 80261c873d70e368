/// The checks of `paragraf check`: citations that lead nowhere, numbering gaps and duplicates, and the
/// parser's own diagnostics, as one list of findings in source order.
public enum VersionCheck {
    /// Every finding for a parsed version: the parser's diagnostics, numbering findings (`R002`-`R004`) that
    /// the parser did not already report at the same place, and one `R001` per unresolved citation target.
    public static func findings(parsed: ParsedDocument, graph: ReferenceGraph) -> [Diagnostic] {
        let parserDiagnostics = parsed.document.diagnostics
        let reported = Set(parserDiagnostics.map(\.range.start.offset))
        let numbering = numberingFindings(parsed.document).filter { !reported.contains($0.range.start.offset) }
        return (parserDiagnostics + numbering + graph.diagnostics).enumerated()
            .sorted { ($0.element.range.start.offset, $0.offset) < ($1.element.range.start.offset, $1.offset) }
            .map(\.element)
    }

    /// Gaps and duplicates in the numbering of §§ (through the whole document), stk. (per §) and numbered
    /// items (per stk.). Lettered §§ ("§ 4 a") and litra are not counted as gaps.
    /// - Complexity: O(n) in the number of nodes.
    public static func numberingFindings(_ document: Document) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func check(_ nodes: [Node], level: ReferenceDiagnostic.Level, scope: String) {
            var previous: Int?
            var seen = Set<String>()
            for node in nodes {
                guard let number = node.number else { continue }
                let range = node.labelRange ?? node.range
                if !seen.insert(number).inserted {
                    result.raise(ReferenceDiagnostic.duplicateNumber(level: level, number: number, scope: scope), at: range)
                    continue
                }
                // Only whole numbers take part in the sequence; "4 a" sits between 4 and 5.
                guard let value = Int(number) else { continue }
                if let previous, value > previous + 1 {
                    let first = level.name(String(previous + 1))
                    let missing = value == previous + 2 ? first : "\(first)-\(value - 1)"
                    result.raise(
                        ReferenceDiagnostic.numberGap(
                            level: level, number: number, previous: String(previous), missing: missing, scope: scope),
                        at: range)
                }
                previous = max(previous ?? value, value)
            }
        }
        check(document.sections, level: .section, scope: "")
        for section in document.sections {
            let scope = " in § \(section.number ?? "?")"
            check(section.children(.subsection), level: .subsection, scope: scope)
            for stk in section.children(.subsection) {
                let items = stk.children(.item).filter { $0.number.map { Int($0) != nil } ?? false }
                check(items, level: .item, scope: " in § \(section.number ?? "?"), stk. \(stk.number ?? "1")")
            }
        }
        return result
    }
}
