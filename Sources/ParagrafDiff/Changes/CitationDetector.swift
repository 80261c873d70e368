import Paragraf
import ParagrafReferences

/// Citations: in the text, the hunks that only renumber a citation (numbers and list words right after "§",
/// "stk.", "nr.", "kapitel" …) are claimed; through the references module, the new version's citations whose
/// target is doubtful are reported (``CitationChecker``: stale, changed target, unresolved).
struct CitationDetector: ChangeDetector {
    /// The citation graphs of both versions, when the caller already has them (built here otherwise).
    var oldGraph: ReferenceGraph?
    var newGraph: ReferenceGraph?

    var category: ChangeCategory { .citation }

    func detect(in pairs: ComparedPairs, into findings: inout ChangeFindings) -> Int {
        for c in pairs.pairs {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation != .equal && c.category(h) == nil {
                if CitationDetector.isCitationEdit(c.oldTokens, hunk.old)
                    && CitationDetector.isCitationEdit(c.newTokens, hunk.new)
                {
                    c.claim(h, as: .citation)
                }
            }
        }
        // Graphs built here resolve against the versions' node tables (not a table of their own).
        let old = pairs.old
        let new = pairs.new
        findings.citations = CitationChecker(
            aligned: pairs.aligned, oldGraph: oldGraph ?? ReferenceGraph(parsed: old.parsed, nodes: old.nodes),
            newGraph: newGraph ?? ReferenceGraph(parsed: new.parsed, nodes: new.nodes)
        ).check()
        return findings.citations.count
    }

    /// Whether the tokens in `range` are only citation numbers following a citation word.
    static func isCitationEdit<T: TokenList>(_ tokens: T, _ range: Range<Int>) -> Bool {
        guard range.allSatisfy({ tokens.kind($0) == .number || tokens.citationRole($0).contains(.listWord) }) else {
            return false
        }
        if range.isEmpty { return true }
        guard range.contains(where: { tokens.kind($0) == .number }) else { return false }
        var k = range.lowerBound - 1
        if k >= 0, tokens.isPeriod(k) { k -= 1 }
        guard k >= 0 else { return false }
        return tokens.citationRole(k).contains(.citationWord)
    }
}
