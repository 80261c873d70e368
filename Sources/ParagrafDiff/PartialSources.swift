import Paragraf

/// Trims two versions to what both sources hold, so that the diff never presents a part one source lacks as a
/// change.
enum PartialSources {
    /// `old` and `new` without the parts either source lacks (both untouched when neither is partial).
    static func common(_ old: ParsedDocument, _ new: ParsedDocument) -> (ParsedDocument, ParsedDocument, NotCompared?) {
        let absent = Set(old.document.absentParts ?? []).union(new.document.absentParts ?? [])
        guard !absent.isEmpty else { return (old, new, nil) }
        let parts = absent.sorted()
        var missingIn: [String] = []
        if old.document.isPartial { missingIn.append("old") }
        if new.document.isPartial { missingIn.append("new") }
        let whose =
            missingIn.count == 2
            ? "either version's source"
            : "the \(missingIn[0]) version's source (\(missingIn[0] == "old" ? old.document.sourceName : new.document.sourceName))"
        let explanation =
            parts.map(\.displayName).joined(separator: ", ")
            + " are not in \(whose): a partial document holds the §§ only, so these parts are not compared"
        return (
            trimmed(old, parts: absent), trimmed(new, parts: absent),
            NotCompared(parts: parts, missingIn: missingIn, explanation: explanation)
        )
    }

    /// Records what was not compared, and drops the citations that do not resolve only because their target is
    /// an annex the new version's source lacks ("bilag 1 til bekendtgørelsen" in a dataset document).
    static func apply(_ notCompared: NotCompared, to diff: inout DocumentDiff, newLacksAnnexes: Bool) {
        diff.notCompared = notCompared
        guard newLacksAnnexes else { return }
        let before = diff.citations.count
        diff.citations.removeAll { $0.issue == .unresolved && $0.newText.lowercased().contains("bilag") }
        if diff.citations.count != before { diff.summary.changes["citations"] = diff.citations.count }
    }

    /// `parsed` without the nodes and metadata of `parts`.
    static func trimmed(_ parsed: ParsedDocument, parts: Set<DocumentPart>) -> ParsedDocument {
        var result = parsed
        var kinds: Set<NodeKind> = []
        if parts.contains(.title) { kinds.insert(.title) }
        if parts.contains(.preamble) { kinds.insert(.preamble) }
        if parts.contains(.annexes) { kinds.insert(.annex) }
        if parts.contains(.signature) { kinds.insert(.signature) }
        func trim(_ node: Node) -> Node {
            var n = node
            if parts.contains(.chapterTitles) && (n.kind == .chapter || n.kind == .part) {
                n.title = nil
                n.titleRange = nil
            }
            if n.kind == .document || n.kind == .part || n.kind == .chapter {
                n.children = n.children.filter { !kinds.contains($0.kind) }.map(trim)
            }
            return n
        }
        result.document.root = trim(parsed.document.root)
        if parts.contains(.preamble) {
            result.document.metadata.legalBasis = nil
            result.document.metadata.legalBasisAct = nil
        }
        if parts.contains(.signature) {
            result.document.metadata.ministry = nil
            result.document.metadata.signers = []
        }
        return result
    }
}
