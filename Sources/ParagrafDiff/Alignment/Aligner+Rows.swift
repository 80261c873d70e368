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
        /// A row's sort key (new offset, then old offset, -1 without one) and its index in `rows`, read once
        /// per row: comparing rows themselves copies their first references, strings and all, per comparison.
        /// Sorting the keys with the same comparisons moves them as the rows were moved.
        struct Key {
            var new: Int
            var old: Int
            var row: Int
        }
        var kept: [Key] = [], oldSorted: [Key] = []
        kept.reserveCapacity(rows.count)
        oldSorted.reserveCapacity(rows.count)
        var anyRemoved = false
        for k in rows.indices {
            let oldStart = rows[k].old.isEmpty ? nil : rows[k].old[0].range.start.offset
            if rows[k].new.isEmpty {
                anyRemoved = true
            } else {
                kept.append(Key(new: rows[k].new[0].range.start.offset, old: oldStart ?? -1, row: k))
            }
            if let oldStart { oldSorted.append(Key(new: 0, old: oldStart, row: k)) }
        }
        kept.sort { $0.new != $1.new ? $0.new < $1.new : $0.old < $1.old }
        if !anyRemoved { return kept.map { rows[$0.row] } }
        // Old rows in old order, to find each removed row's nearest kept predecessor.
        oldSorted.sort { $0.old < $1.old }
        var keptPosition: [Int: Int] = [:]  // old offset → index in kept
        for (k, key) in kept.enumerated() {
            let old = rows[key.row].old
            for o in old.indices { keptPosition[old[o].range.start.offset] = k }
        }
        var after: [Int: [Int]] = [:]  // kept index (-1 = before all) → removed rows
        var lastKept = -1
        for key in oldSorted {
            if rows[key.row].new.isEmpty {
                after[lastKept, default: []].append(key.row)
            } else if let k = keptPosition[key.old] {
                lastKept = k
            }
        }
        var result: [AlignmentRow] = []
        result.reserveCapacity(rows.count)
        for r in after[-1] ?? [] { result.append(rows[r]) }
        for (k, key) in kept.enumerated() {
            result.append(rows[key.row])
            for r in after[k] ?? [] { result.append(rows[r]) }
        }
        return result
    }
}
