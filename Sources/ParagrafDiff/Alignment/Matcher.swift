/// One-to-one matching of two lists of units by content and order (see the DocC article "How alignment decides").
struct Matcher {
    /// A matched pair.
    struct Pair {
        var old: Int
        var new: Int
        var score: Double
        /// Whether the pair keeps the relative order of the chain of matches.
        var inOrder: Bool
    }

    /// Minimum similarity for a pair that keeps the order.
    var orderedThreshold = 0.40
    /// Minimum similarity for a pair that breaks the order (a move needs stronger evidence).
    var movedThreshold = 0.62
    /// Minimum number of word tokens for an exact duplicate to count as a move on its own.
    var minimumMoveTokens = 6
    /// All pairs are scored when a gap has at most this many candidate pairs; otherwise a window is used.
    var fullComparisonLimit = 4096
    /// Half width of the positional window in large gaps.
    var window = 24
    /// Keys held by more units than this are not used to find candidates.
    var postingLimit = 16
    /// Candidates kept per unit from the inverted index.
    var candidatesPerUnit = 6

    let idf: IDF
    /// Compares one unit with many under `idf`'s weights.
    let scorer: IDF.Scorer

    /// A matcher with `idf`'s weights, comparing through `scorer` (made for `idf`; one serves many
    /// matchers, so that its table is allocated once) or a scorer of its own.
    init(idf: IDF, scorer: IDF.Scorer? = nil) {
        self.idf = idf
        self.scorer = scorer ?? IDF.Scorer(idf)
    }

    /// Matches `old` to `new`.
    /// - Complexity: O((n + m) log(n + m)) for the anchoring, plus O(n · (window + candidatesPerUnit)) scoring
    ///   in large gaps; small gaps are compared exhaustively.
    func match(_ old: [Unit], _ new: [Unit]) -> [Pair] {
        if old.isEmpty || new.isEmpty { return [] }
        // 1. Exact duplicates, paired in order when both sides have the same number of copies: both sides
        //    sorted by (hash, index), and the runs of each hash compared.
        let olds = old.map { ($0.exactHash, $0.index) }.sorted(by: <)
        let news = new.map { ($0.exactHash, $0.index) }.sorted(by: <)
        var exact: [(Int, Int)] = []
        var a = 0, b = 0
        while a < olds.count && b < news.count {
            let hash = olds[a].0
            if hash != news[b].0 {
                if hash < news[b].0 { a += 1 } else { b += 1 }
                continue
            }
            var aEnd = a + 1, bEnd = b + 1
            while aEnd < olds.count && olds[aEnd].0 == hash { aEnd += 1 }
            while bEnd < news.count && news[bEnd].0 == hash { bEnd += 1 }
            if aEnd - a == bEnd - b {
                for k in 0..<(aEnd - a) { exact.append((olds[a + k].1, news[b + k].1)) }
            }
            a = aEnd
            b = bEnd
        }
        exact.sort { $0.0 < $1.0 }
        let anchors = SequenceDiff.longestIncreasing(exact)
        var oldMatched = [Int?](filled: nil, count: old.count)
        var newMatched = [Int?](filled: nil, count: new.count)
        var pairs: [Pair] = []
        for (i, j) in anchors {
            oldMatched[i] = j
            newMatched[j] = i
            pairs.append(Pair(old: i, new: j, score: 1, inOrder: true))
        }

        // 2. Candidates among the rest: every pair in small gaps between anchors, a window in large ones,
        //    and anything sharing a rare key (so that moves across anchors are found). Small inputs compare
        //    every pair directly.
        let scorer = self.scorer
        let threshold = orderedThreshold
        var scored: [Pair] = []
        // A score depends on the two bags alone: where many pairs are compared, units with equal bags (a
        // provision repeated word for word, numbers aside) are scored once per pair of bag classes.
        let classes = old.count * new.count > Matcher.classifiedPairs ? BagClasses(old, new) : nil
        var cache = ScoreCache(enabled: classes != nil)
        /// Scores old unit `i` against the new units `js` (distinct, unmatched), keeping those above the bar.
        func score<C: Collection>(_ i: Int, _ js: C) where C.Element == Int {
            let a = old[i]
            var loaded = false
            for j in js where idf.canReach(a, new[j], threshold) {
                let key = classes.map { Matcher.pairKey($0, i, j) }
                let s: Double
                if let key, let known = cache.value(key) {
                    s = known
                } else {
                    if !loaded {
                        scorer.load(a)
                        loaded = true
                    }
                    s = scorer.similarity(new[j])
                    if let key { cache.insert(key, s) }
                }
                if s >= threshold { scored.append(Pair(old: i, new: j, score: s, inOrder: true)) }
            }
        }
        if old.count * new.count <= fullComparisonLimit {
            let open = new.indices.filter { newMatched[$0] == nil }
            for i in old.indices where oldMatched[i] == nil { score(i, open) }
            return finish(old, new, pairs: pairs, scored: scored, exact: exact, oldMatched: &oldMatched, newMatched: &newMatched)
        }
        // Candidates per old unit: the new units of its gap (all of a small gap, a window in a large one),
        // then those sharing its rarest keys.
        var window = [Range<Int>](repeating: 0..<0, count: old.count)
        var gapStarts: [(Int, Int)] = [(0, 0)]
        for (i, j) in anchors { gapStarts.append((i + 1, j + 1)) }
        var gapEnds: [(Int, Int)] = anchors.map { ($0.0, $0.1) }
        gapEnds.append((old.count, new.count))
        for (start, end) in zip(gapStarts, gapEnds) {
            let oldGap = start.0..<end.0
            let newGap = start.1..<end.1
            if oldGap.isEmpty || newGap.isEmpty { continue }
            if oldGap.count * newGap.count <= fullComparisonLimit {
                for i in oldGap { window[i] = newGap }
            } else {
                for i in oldGap {
                    let relative = Double(i - oldGap.lowerBound) / Double(oldGap.count)
                    let centre = newGap.lowerBound + Int(relative * Double(newGap.count))
                    let lo = max(newGap.lowerBound, centre - self.window)
                    let hi = min(newGap.upperBound, centre + self.window + 1)
                    if lo < hi { window[i] = lo..<hi }
                }
            }
        }
        // Keys are small integers: postings and shared weights are arrays. The postings of key k are
        // `postingUnits[postingStart[k]..<postingStart[k + 1]]`, the open new units holding k in order
        // (counted first, then filled: one table instead of an array per key).
        var keyCount = 0
        for u in new where newMatched[u.index] == nil {
            if let last = u.bag.last { keyCount = max(keyCount, last.key + 1) }
        }
        var postingStart = [Int32](repeating: 0, count: keyCount + 1)
        for u in new where newMatched[u.index] == nil {
            for entry in u.bag { postingStart[entry.key + 1] += 1 }
        }
        for k in 0..<keyCount { postingStart[k + 1] += postingStart[k] }
        var postingUnits = [Int32](repeating: 0, count: Int(postingStart[keyCount]))
        do {
            var fill = postingStart
            for u in new where newMatched[u.index] == nil {
                for entry in u.bag {
                    let key = entry.key
                    postingUnits[Int(fill[key])] = Int32(u.index)
                    fill[key] += 1
                }
            }
        }
        var sharedWeight = [Double](repeating: 0, count: new.count)
        var touched: [Int] = []
        var seen = [Int](repeating: -1, count: new.count)
        var js: [Int] = []
        for u in old where oldMatched[u.index] == nil {
            let i = u.index
            for entry in u.bag {
                let key = entry.key
                guard key < keyCount else { continue }
                let lo = Int(postingStart[key]), hi = Int(postingStart[key + 1])
                guard lo < hi, hi - lo <= postingLimit else { continue }
                let w = idf.weight(key)
                for p in lo..<hi {
                    let j = Int(postingUnits[p])
                    if sharedWeight[j] == 0 { touched.append(j) }  // weights are positive
                    sharedWeight[j] += w
                }
            }
            // The same order as sorting a dictionary of shared weights: weight descending, then index.
            touched.sort { sharedWeight[$0] != sharedWeight[$1] ? sharedWeight[$0] > sharedWeight[$1] : $0 < $1 }
            js.removeAll(keepingCapacity: true)
            for j in window[i] where newMatched[j] == nil {
                seen[j] = i
                js.append(j)
            }
            for j in touched.prefix(candidatesPerUnit) where seen[j] != i && newMatched[j] == nil {
                seen[j] = i
                js.append(j)
            }
            for j in touched { sharedWeight[j] = 0 }
            touched.removeAll(keepingCapacity: true)

            // 3. Score (pairing greedily, best first, follows).
            score(i, js)
        }
        return finish(old, new, pairs: pairs, scored: scored, exact: exact, oldMatched: &oldMatched, newMatched: &newMatched)
    }

    /// Bag classes are formed when more pairs than this could be compared.
    static let classifiedPairs = 256
    /// The cache key of the pair of old unit `i` and new unit `j`: their bag classes.
    @inline(__always)
    static func pairKey(_ classes: BagClasses, _ i: Int, _ j: Int) -> UInt64 {
        UInt64(UInt32(classes.old[i])) << 32 | UInt64(UInt32(classes.new[j]))
    }

    /// Steps 3 and 4: greedy pairing of the scored candidates, exact moves, and the order check.
    private func finish(
        _ old: [Unit], _ new: [Unit], pairs anchored: [Pair], scored unsorted: [Pair], exact: [(Int, Int)],
        oldMatched: inout [Int?], newMatched: inout [Int?]
    ) -> [Pair] {
        var pairs = anchored
        var scored = unsorted
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            // Ties: prefer the pair closest to the diagonal, then document order.
            let da = abs(a.old - a.new), db = abs(b.old - b.new)
            return da != db ? da < db : (a.old, a.new) < (b.old, b.new)
        }
        for p in scored where oldMatched[p.old] == nil && newMatched[p.new] == nil {
            oldMatched[p.old] = p.new
            newMatched[p.new] = p.old
            pairs.append(p)
        }

        // 3b. Exact duplicates that break the order are moves when they are long enough to be telling.
        for (i, j) in exact where oldMatched[i] == nil && newMatched[j] == nil {
            if old[i].wordCount >= minimumMoveTokens {
                oldMatched[i] = j
                newMatched[j] = i
                pairs.append(Pair(old: i, new: j, score: 1, inOrder: false))
            }
        }

        // 4. The order: the heaviest chain of pairs increasing on both sides stays; the rest are moves,
        //    kept only when similar enough.
        pairs.sort { $0.old < $1.old }
        let chain = Matcher.heaviestChain(pairs.count, new: { pairs[$0].new }, weight: { pairs[$0].score })
        var result: [Pair] = []
        for (n, var p) in pairs.enumerated() {
            p.inOrder = chain[n]
            if p.inOrder || p.score >= movedThreshold { result.append(p) }
        }
        return result
    }

    /// Which items belong to the heaviest subsequence whose `new` values increase (input sorted by old
    /// index): `result[n]` for item `n`.
    /// - Complexity: O(n log n) with a Fenwick tree over the new indices.
    static func heaviestChain(_ items: [(new: Int, weight: Double)]) -> [Bool] {
        heaviestChain(items.count, new: { items[$0].new }, weight: { items[$0].weight })
    }

    /// The best chain ending at an item: its total weight and the item before it (-1 for none).
    private struct Link {
        var total: Double
        var previous: Int
    }

    /// ``heaviestChain(_:)`` over `count` items given by their new index and weight (no list of pairs
    /// is built; the tables are arrays of a struct of this module, whose metadata needs no lookup).
    static func heaviestChain(_ count: Int, new: (Int) -> Int, weight: (Int) -> Double) -> [Bool] {
        guard count > 0 else { return [] }
        var maxNew = new(0)
        for n in 1..<count { maxNew = max(maxNew, new(n)) }
        let size = maxNew + 2
        // Per position of the tree: the best chain over its span (total, last item).
        var tree = [Link](filled: Link(total: 0, previous: -1), count: size + 1)
        func query(_ position: Int) -> Link {  // best over new indices < position
            var i = position
            var best = Link(total: 0, previous: -1)
            while i > 0 {
                if tree[i].total > best.total { best = tree[i] }
                i -= i & -i
            }
            return best
        }
        func update(_ position: Int, _ value: Link) {
            var i = position + 1
            while i <= size {
                if value.total > tree[i].total { tree[i] = value }
                i += i & -i
            }
        }
        var links = [Link](filled: Link(total: 0, previous: -1), count: count)
        var bestEnd = -1
        for n in 0..<count {
            let best = query(new(n))
            links[n] = Link(total: best.total + weight(n), previous: best.previous)
            update(new(n), Link(total: links[n].total, previous: n))
            if bestEnd < 0 || links[n].total > links[bestEnd].total { bestEnd = n }
        }
        var chain = [Bool](filled: false, count: count)
        var k = bestEnd
        while k >= 0 {
            chain[k] = true
            k = links[k].previous
        }
        return chain
    }
}

/// Classes of units with equal bags, over two lists: units of one class have the same weight and score
/// alike against any unit.
struct BagClasses {
    /// The class of each old unit, by position.
    var old: [Int32] = []
    /// The class of each new unit, by position.
    var new: [Int32] = []

    init(_ oldUnits: [Unit], _ newUnits: [Unit]) {
        var firstClass: [UInt64: Int32] = [:]
        var bags: [[BagEntry]] = []
        /// Per class, the next class whose bag has the same hash, -1 at the end of the chain.
        var next: [Int32] = []
        func classify(_ bag: [BagEntry]) -> Int32 {
            var h: UInt64 = 0x243F_6A88_85A3_08D3
            for entry in bag {
                h = (h ^ UInt64(truncatingIfNeeded: entry.key)) &* 0x9E37_79B9_7F4A_7C15
                h = (h ^ UInt64(truncatingIfNeeded: entry.count)) &* 0xBF58_476D_1CE4_E5B9
            }
            let id = Int32(bags.count)
            if var c = firstClass[h] {
                while true {
                    if bags[Int(c)] == bag { return c }
                    if next[Int(c)] < 0 { break }
                    c = next[Int(c)]
                }
                next[Int(c)] = id
            } else {
                firstClass[h] = id
            }
            bags.append(bag)
            next.append(-1)
            return id
        }
        old = oldUnits.map { classify($0.bag) }
        new = newUnits.map { classify($0.bag) }
    }
}

/// Scores by 64-bit key (a pair of bag classes), in an open-addressing table.
struct ScoreCache {
    private var keys: [UInt64]
    private var values: [Double]
    private var count = 0

    /// An empty cache; a disabled one (never read or written) allocates nothing.
    init(enabled: Bool) {
        keys = enabled ? [UInt64](repeating: ScoreCache.empty, count: 1024) : []
        values = enabled ? [Double](repeating: 0, count: 1024) : []
    }

    /// The key of no pair (classes are below 2³¹).
    private static let empty = UInt64.max

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        let h = key &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 32) & mask
    }

    /// The score stored for `key`, if any.
    func value(_ key: UInt64) -> Double? {
        let mask = keys.count - 1
        var slot = ScoreCache.slot(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == ScoreCache.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Stores the score of `key` (not stored yet).
    mutating func insert(_ key: UInt64, _ value: Double) {
        if 2 * (count + 1) > keys.count {
            let oldKeys = keys, oldValues = values
            keys = [UInt64](repeating: ScoreCache.empty, count: 2 * oldKeys.count)
            values = [Double](repeating: 0, count: 2 * oldKeys.count)
            count = 0
            for (k, v) in zip(oldKeys, oldValues) where k != ScoreCache.empty { insert(k, v) }
        }
        let mask = keys.count - 1
        var slot = ScoreCache.slot(key, mask)
        while keys[slot] != ScoreCache.empty { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }
}

extension Array {
    /// `count` copies of `value`. Allocated through the growth path the compiler specializes for
    /// `Element`: `Array(repeating:count:)` looks the storage's type metadata up at run time on every call
    /// (some 300 instructions, more than a small array costs to fill).
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}
