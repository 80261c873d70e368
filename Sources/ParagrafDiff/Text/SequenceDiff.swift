/// Differences between two sequences of interned symbols, anchored so that long inputs stay near-linear.
///
/// The common prefix and suffix are trimmed; the middle is split at symbols that occur exactly once on
/// each side (patience diff: their longest increasing subsequence), and only gaps between anchors that
/// are small enough go through Myers' O((N+M)·D) algorithm, with D capped. A gap that exceeds the cap is
/// reported as one replacement, never as a quadratic search.
public enum SequenceDiff {
    /// The largest edit distance Myers' algorithm explores in one gap before giving up on that gap.
    public static let defaultEditCap = 400

    /// The hunks that turn `old` into `new`, covering both sequences in order.
    /// - Complexity: O((N + M) log(N + M)) for the anchoring, plus O((n + m) · min(d, cap)) per gap.
    public static func diff(_ old: [Int], _ new: [Int], editCap: Int = defaultEditCap) -> [DiffHunk] {
        // Any integers: numbered densely first, so that they can be counted in tables.
        var dense: [Int: Int32] = [:]
        func number(_ x: Int) -> Int32 {
            if let known = dense[x] { return known }
            let next = Int32(dense.count)
            dense[x] = next
            return next
        }
        let a = old.map(number)
        let b = new.map(number)
        return diff(a, b, editCap: editCap, symbols: SymbolTables(size: dense.count))
    }

    /// Count tables for finding unique anchors among small non-negative symbols (interned keys), reused
    /// across diffs, and the working buffers of the diffs (kept between diffs, so a diff allocates only the
    /// hunks it returns).
    ///
    /// Measured: counting symbols in tables stamped with a generation, with the buffers kept between diffs,
    /// instead of hashing every symbol of every gap into dictionaries and fresh buffers, saves ≈ 45 M
    /// instructions (10 %) of a whole `paragraf diff` of the ×10 corpora.
    final class SymbolTables {
        /// Per symbol, five entries: the generation that last counted it in the old range, its count
        /// there, the same two for the new range, and its (last counted) index in the new range.
        fileprivate var entries: [Int32] = []
        fileprivate var generation: Int32 = 0
        /// The buffers of the last diff, handed to the next.
        fileprivate var scratch = Scratch()
        /// Symbols must lie in `0..<size`.
        let size: Int

        init(size: Int) {
            self.size = size
            entries = [Int32](repeating: 0, count: 5 * size)
        }
    }

    /// A sequence of symbols as the diff reads it.
    private typealias Symbols = UnsafeBufferPointer<Int32>

    /// Working buffers of one diff: the uncoalesced hunks, Myers' diagonals and their snapshots, and the
    /// anchor pairs.
    fileprivate struct Scratch {
        var ops: [DiffHunk] = []
        /// The coalesced hunks, before the exact copy a diff returns.
        var hunks: [DiffHunk] = []
        var v: [Int] = []
        var trace: [Int] = []
        var pairs: [(Int, Int)] = []
        var entries: [Int32] = []
    }

    /// ``diff(_:_:editCap:)`` over symbols in `0..<symbols.size`, counted in `symbols`' tables.
    static func diff(_ old: [Int32], _ new: [Int32], editCap: Int = defaultEditCap, symbols: SymbolTables) -> [DiffHunk] {
        var scratch = Scratch()
        swap(&scratch, &symbols.scratch)
        // The count table is taken out of the shared object for the diff (no access checks in the loops).
        swap(&scratch.entries, &symbols.entries)
        scratch.ops.removeAll(keepingCapacity: true)
        // The sequences are read through buffers in Myers' inner loop and the counting (no bounds checks).
        old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in
                appendDiff(a, 0..<a.count, b, 0..<b.count, editCap: editCap, depth: 0, tables: symbols, &scratch)
            }
        }
        coalesce(scratch.ops, into: &scratch.hunks)
        // Returned as a copy of exact size: the working buffer keeps its room for the next diff, and the hunks
        // kept with every compared pair have no spare capacity (an `Array` of the whole buffer would share it).
        var result: [DiffHunk] = []
        result.reserveCapacity(scratch.hunks.count)
        result.append(contentsOf: scratch.hunks)
        swap(&scratch.entries, &symbols.entries)
        swap(&scratch, &symbols.scratch)
        return result
    }

    private static func appendDiff(
        _ a: Symbols, _ ar: Range<Int>, _ b: Symbols, _ br: Range<Int>, editCap: Int, depth: Int,
        tables: SymbolTables, _ scratch: inout Scratch
    ) {
        var aLo = ar.lowerBound
        var aHi = ar.upperBound
        var bLo = br.lowerBound
        var bHi = br.upperBound
        let prefixStart = aLo
        let bPrefixStart = bLo
        while aLo < aHi, bLo < bHi, a[aLo] == b[bLo] {
            aLo += 1
            bLo += 1
        }
        if aLo > prefixStart {
            scratch.ops.append(DiffHunk(operation: .equal, old: prefixStart..<aLo, new: bPrefixStart..<bLo))
        }
        var suffix = 0
        while aHi - suffix > aLo, bHi - suffix > bLo, a[aHi - suffix - 1] == b[bHi - suffix - 1] { suffix += 1 }
        aHi -= suffix
        bHi -= suffix
        defer {
            if suffix > 0 {
                scratch.ops.append(DiffHunk(operation: .equal, old: aHi..<(aHi + suffix), new: bHi..<(bHi + suffix)))
            }
        }
        if aLo == aHi && bLo == bHi { return }
        if aLo == aHi {
            scratch.ops.append(DiffHunk(operation: .insert, old: aLo..<aLo, new: bLo..<bHi))
            return
        }
        if bLo == bHi {
            scratch.ops.append(DiffHunk(operation: .delete, old: aLo..<aHi, new: bLo..<bLo))
            return
        }
        // Small gaps go straight to Myers; larger ones are split at unique anchors first.
        if (aHi - aLo) + (bHi - bLo) > 64 && depth < 8 {
            let anchors = uniqueAnchors(a, aLo..<aHi, b, bLo..<bHi, tables, &scratch)
            if !anchors.isEmpty {
                var pa = aLo
                var pb = bLo
                for (i, j) in anchors {
                    appendDiff(a, pa..<i, b, pb..<j, editCap: editCap, depth: depth + 1, tables: tables, &scratch)
                    scratch.ops.append(DiffHunk(operation: .equal, old: i..<(i + 1), new: j..<(j + 1)))
                    pa = i + 1
                    pb = j + 1
                }
                appendDiff(a, pa..<aHi, b, pb..<bHi, editCap: editCap, depth: depth + 1, tables: tables, &scratch)
                return
            }
        }
        if !myers(a, aLo..<aHi, b, bLo..<bHi, cap: editCap, &scratch) {
            scratch.ops.append(DiffHunk(operation: .replace, old: aLo..<aHi, new: bLo..<bHi))
        }
    }

    /// Pairs of positions of symbols that occur once in each range, longest increasing chain; counted in the
    /// tables (`scratch.entries`), stamped with a new generation.
    private static func uniqueAnchors(
        _ a: Symbols, _ ar: Range<Int>, _ b: Symbols, _ br: Range<Int>, _ t: SymbolTables, _ scratch: inout Scratch
    ) -> [(Int, Int)] {
        t.generation &+= 1
        if t.generation == 0 {
            // Wrapped: clear the stamps once every 4 billion calls.
            for k in 0..<t.size {
                scratch.entries[5 * k] = 0
                scratch.entries[5 * k + 2] = 0
            }
            t.generation = 1
        }
        let g = t.generation
        // Taken out of the scratch, not copied (see ``myers(_:_:_:_:cap:_:)``'s trace).
        var pairs: [(Int, Int)] = []
        swap(&pairs, &scratch.pairs)
        pairs.removeAll(keepingCapacity: true)
        scratch.entries.withUnsafeMutableBufferPointer { e in
            for i in ar {
                let k = 5 * Int(a[i])
                if e[k] != g {
                    e[k] = g
                    e[k + 1] = 1
                } else {
                    e[k + 1] += 1
                }
            }
            for j in br {
                let k = 5 * Int(b[j])
                if e[k + 2] != g {
                    e[k + 2] = g
                    e[k + 3] = 1
                    e[k + 4] = Int32(j)
                } else {
                    e[k + 3] += 1
                }
            }
            for i in ar {
                let k = 5 * Int(a[i])
                guard e[k + 1] == 1, e[k + 2] == g, e[k + 3] == 1 else { continue }
                pairs.append((i, Int(e[k + 4])))
            }
        }
        scratch.pairs = pairs
        return longestIncreasing(scratch.pairs)
    }

    /// The longest subsequence of `pairs` (sorted by first) whose second components increase.
    /// - Complexity: O(n log n).
    static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        if pairs.isEmpty { return [] }
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (n, pair) in pairs.enumerated() {
            var lo = 0
            var hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[n] = tails[lo - 1] }
            if lo == tails.count { tails.append(n) } else { tails[lo] = n }
        }
        // The chain ends at the last tail and is read backwards.
        var chain: [(Int, Int)] = []
        chain.reserveCapacity(tails.count)
        var k = tails[tails.count - 1]
        while k >= 0 {
            chain.append(pairs[k])
            k = previous[k]
        }
        return chain.reversed()
    }

    /// Myers' greedy O((N+M)·D) diff, its hunks appended to `scratch.ops`; false (and nothing appended)
    /// when the edit distance exceeds `cap`.
    private static func myers(
        _ a: Symbols, _ ar: Range<Int>, _ b: Symbols, _ br: Range<Int>, cap: Int, _ scratch: inout Scratch
    ) -> Bool {
        let n = ar.count
        let m = br.count
        let maxD = min(n + m, cap)
        let offset = maxD + 1
        scratch.v.removeAll(keepingCapacity: true)
        scratch.v.append(contentsOf: repeatElement(0, count: 2 * maxD + 3))
        // The snapshots of v, one after another: step d's (diagonals -d-1 ... d+1, the part of v that step d
        // reads) starts at d² + 2d.
        // Taken out of the scratch (not copied: a second reference would make the first append copy the
        // buffer), so that the loop below appends to the buffer the last diff left.
        var trace: [Int] = []
        swap(&trace, &scratch.trace)
        trace.removeAll(keepingCapacity: true)
        var steps = 0
        var found = false
        scratch.v.withUnsafeMutableBufferPointer { v in
            search: for d in 0...maxD {
                steps = d + 1
                trace.append(contentsOf: v[(offset - d - 1)...(offset + d + 1)])
                var k = -d
                while k <= d {
                    var x: Int
                    if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                        x = v[offset + k + 1]
                    } else {
                        x = v[offset + k - 1] + 1
                    }
                    var y = x - k
                    while x < n, y < m, a[ar.lowerBound + x] == b[br.lowerBound + y] {
                        x += 1
                        y += 1
                    }
                    v[offset + k] = x
                    if x >= n && y >= m {
                        found = true
                        break search
                    }
                    k += 2
                }
            }
        }
        scratch.trace = trace
        guard found else { return false }
        // Walk back through the snapshots, appending operations in reverse (then turned around): each
        // diagonal run of equal elements as one hunk (``coalesce(_:)`` joins adjacent equal hunks anyway),
        // each edit as one.
        let first = scratch.ops.count
        var x = n
        var y = m
        for d in stride(from: steps - 1, through: 0, by: -1) {
            let base = d * d + 2 * d + d + 1
            let k = x - y
            let prevK: Int
            if d == 0 {
                prevK = 0
            } else if k == -d || (k != d && scratch.trace[base + k - 1] < scratch.trace[base + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = d == 0 ? 0 : scratch.trace[base + prevK]
            let prevY = prevX - prevK
            if x > prevX && y > prevY {
                let run = min(x - prevX, y - prevY)
                scratch.ops.append(
                    DiffHunk(
                        operation: .equal, old: (ar.lowerBound + x - run)..<(ar.lowerBound + x),
                        new: (br.lowerBound + y - run)..<(br.lowerBound + y)))
                x -= run
                y -= run
            }
            if d > 0 {
                if x == prevX {
                    scratch.ops.append(
                        DiffHunk(
                            operation: .insert, old: (ar.lowerBound + x)..<(ar.lowerBound + x),
                            new: (br.lowerBound + y - 1)..<(br.lowerBound + y)))
                } else {
                    scratch.ops.append(
                        DiffHunk(
                            operation: .delete, old: (ar.lowerBound + x - 1)..<(ar.lowerBound + x),
                            new: (br.lowerBound + y)..<(br.lowerBound + y)))
                }
                x = prevX
                y = prevY
            }
        }
        scratch.ops[first...].reverse()
        return true
    }

    /// Merges neighbouring hunks: equal with equal, and any run of changes into one delete, insert or replace.
    private static func coalesce(_ ops: [DiffHunk], into result: inout [DiffHunk]) {
        result.removeAll(keepingCapacity: true)
        for op in ops {
            if op.old.isEmpty && op.new.isEmpty { continue }
            if var last = result.last {
                let lastIsChange = last.operation != .equal
                let opIsChange = op.operation != .equal
                if lastIsChange == opIsChange && last.old.upperBound == op.old.lowerBound
                    && last.new.upperBound == op.new.lowerBound
                {
                    last.old = last.old.lowerBound..<op.old.upperBound
                    last.new = last.new.lowerBound..<op.new.upperBound
                    if lastIsChange {
                        last.operation = last.old.isEmpty ? .insert : (last.new.isEmpty ? .delete : .replace)
                    }
                    result[result.count - 1] = last
                    continue
                }
            }
            result.append(op)
        }
    }
}
