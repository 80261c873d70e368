import Paragraf

extension Aligner {
    /// The row of a pair: its status by precedence (moved > renumbered > modified > unchanged) and its
    /// similarity rounded to two decimals (below 1 for modified text).
    static func row(
        _ level: AlignmentLevel, old: [ProvisionRef], new: [ProvisionRef], similarity: Double, modified: Bool,
        renumbered: Bool, moved: Bool
    ) -> AlignmentRow {
        let status: AlignmentStatus =
            moved ? .moved : renumbered ? .renumbered : modified ? .modified : .unchanged
        return AlignmentRow(
            level: level, status: status, old: old, new: new,
            similarity: modified ? min(0.99, (similarity * 100).rounded() / 100) : 1,
            isModified: modified, isRenumbered: renumbered, isMoved: moved)
    }

    /// The row of a provision without a counterpart.
    static func single(
        _ level: AlignmentLevel, _ status: AlignmentStatus, old: ProvisionRef? = nil, new: ProvisionRef? = nil
    ) -> AlignmentRow {
        AlignmentRow(
            level: level, status: status, old: old.map { [$0] } ?? [], new: new.map { [$0] } ?? [], similarity: 0,
            isModified: false, isRenumbered: false, isMoved: false)
    }

    /// Rows in reading order of the new version; a removed row follows the row of its old predecessor.
    /// - Complexity: O(n log n).
    static func ordered(_ rows: [AlignmentRow]) -> [AlignmentRow] {
        // Positions are sorted, not the rows: a row holds arrays of references, and sorting moves it whole.
        func newStart(_ r: Int) -> Int { rows[r].new[0].range.start.offset }
        func oldStart(_ r: Int) -> Int { rows[r].old.first?.range.start.offset ?? -1 }
        let kept = rows.indices.filter { !rows[$0].new.isEmpty }.sorted {
            newStart($0) != newStart($1) ? newStart($0) < newStart($1) : oldStart($0) < oldStart($1)
        }
        if kept.count == rows.count { return kept.map { rows[$0] } }
        // Old rows in old order, to find each removed row's nearest kept predecessor.
        let oldSorted = rows.indices.filter { !rows[$0].old.isEmpty }.sorted { oldStart($0) < oldStart($1) }
        var keptPosition: [Int: Int] = [:]  // old offset → index in kept
        for (k, r) in kept.enumerated() {
            for old in rows[r].old { keptPosition[old.range.start.offset] = k }
        }
        var after: [Int: [Int]] = [:]  // kept index (-1 = before all) → removed rows
        var lastKept = -1
        for r in oldSorted {
            if rows[r].new.isEmpty {
                after[lastKept, default: []].append(r)
            } else if let k = keptPosition[oldStart(r)] {
                lastKept = k
            }
        }
        var result: [AlignmentRow] = []
        result.reserveCapacity(rows.count)
        for r in after[-1] ?? [] { result.append(rows[r]) }
        for (k, r) in kept.enumerated() {
            result.append(rows[r])
            for removed in after[k] ?? [] { result.append(rows[removed]) }
        }
        return result
    }
}
