import Paragraf

/// Finds the passages outside the aligned structure that differ, so that two different texts without §§ (or
/// differing only in text before § 1) are never reported as the same.
enum OutsideText {
    /// The passages of a version the alignment does not compare, in document order: found in the kinds of
    /// its node table, and only they read from the tree (a walk of the tree copied every node on the way:
    /// 3.1 M of 243 M instructions of the ×10 diff, 1.3 %).
    static func passages(_ nodes: NodeTable, includeSignature: Bool) -> [(NodeKind, String)] {
        var result: [(NodeKind, String)] = []
        for row in 0..<nodes.count {
            let kind = nodes.kind(at: row)
            if kind == .unplaced || (includeSignature && kind == .signature) {
                result.append((kind, nodes.node(at: row).plainText))
            }
        }
        return result
    }

    /// The passages that differ, position by position.
    static func changes(_ old: NodeTable, _ new: NodeTable, includeSignature: Bool) -> [OutsideTextChange] {
        let a = passages(old, includeSignature: includeSignature)
        let b = passages(new, includeSignature: includeSignature)
        var result: [OutsideTextChange] = []
        for k in 0..<max(a.count, b.count) {
            let o = k < a.count ? a[k] : nil
            let n = k < b.count ? b[k] : nil
            if o?.1 != n?.1 { result.append(OutsideTextChange(kind: n?.0 ?? o?.0 ?? .unplaced, old: o?.1, new: n?.1)) }
        }
        return result
    }

    /// Records the differing passages of the versions of node tables `old` and `new` in `diff`; a diff with any
    /// is not identical.
    static func apply(to diff: inout DocumentDiff, old: NodeTable, new: NodeTable) {
        // A changed signature shows as metadata (ministry, signers, date) when the parser read it.
        let signatureInMetadata = diff.metadata.contains { ["ministry", "signers", "signingDate"].contains($0.field) }
        let changes = changes(old, new, includeSignature: !signatureInMetadata)
        guard !changes.isEmpty else { return }
        diff.outsideSections = changes
        diff.summary.isIdentical = false
    }
}
