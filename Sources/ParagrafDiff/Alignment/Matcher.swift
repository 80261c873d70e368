import Foundation

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

    /// The weights units are scored under.
    let idf: IDF

    /// A matcher with `idf`'s weights.
    init(idf: IDF) { self.idf = idf }

    /// Matches `old` to `new`.
    /// - Complexity: O((n + m) log(n + m)) for the anchoring, plus O(n · (window + candidatesPerUnit)) scoring
    ///   in large gaps; small gaps are compared exhaustively.
    func match(_ old: [Unit], _ new: [Unit]) -> [Pair] {
        if old.isEmpty || new.isEmpty { return [] }
        // 1. Exact duplicates; the longest chain of them in order on both sides is the skeleton.
        let exact = Matcher.exactDuplicates(old, new)
        let anchors = SequenceDiff.longestIncreasing(exact)
        var oldMatched = [Int?](repeating: nil, count: old.count)
        var newMatched = [Int?](repeating: nil, count: new.count)
        var pairs: [Pair] = []
        for (i, j) in anchors {
            oldMatched[i] = j
            newMatched[j] = i
            pairs.append(Pair(old: i, new: j, score: 1, inOrder: true))
        }

        // 2. Candidates among the rest: every pair in small gaps between anchors, a window in large ones,
        //    and anything sharing a rare key (so that moves across anchors are found). Small inputs compare
        //    every pair directly.
        let threshold = orderedThreshold
        var scored: [Pair] = []
        // A score depends on the two bags alone: where many pairs are compared, units with equal bags (a
        // provision repeated word for word, numbers aside) are scored once per pair of bag classes.
        // Where no bag repeats on either side, no pair of classes comes twice: the scores are not kept (on the
        // 2003 → 2020 pair, keeping them cost 2.3 M of 50.3 M instructions of the diff, 4.6 %).
        let classes = old.count * new.count > Matcher.classifiedPairs ? BagClasses(old, new).repeating : nil
        var cache: [Int: Double] = [:]
        var scorer = BagScorer(idf)
        /// Scores old unit `i` against the new units `js` (distinct, unmatched), keeping those above the bar.
        func score<C: Collection>(_ i: Int, _ js: C) where C.Element == Int {
            let a = old[i]
            var isLoaded = false
            /// The similarity of `a` and new unit `j`, the scorer loaded with `a` on the first.
            func similarity(_ j: Int) -> Double {
                if !isLoaded {
                    scorer.load(a)
                    isLoaded = true
                }
                return scorer.similarity(new[j])
            }
            for j in js where idf.canReach(a, new[j], threshold) {
                let s: Double
                if let classes {
                    let key = classes.pair(i, j)
                    if let known = cache[key] {
                        s = known
                    } else {
                        s = similarity(j)
                        cache[key] = s
                    }
                } else {
                    s = similarity(j)
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
        let window = gapWindows(anchors, old.count, new.count)
        var rare = RareKeys(new, postingLimit: postingLimit) { newMatched[$0] == nil }
        var seen = [Int](repeating: -1, count: new.count)
        var js: [Int] = []
        for u in old where oldMatched[u.index] == nil {
            let i = u.index
            js.removeAll(keepingCapacity: true)
            for j in window[i] where newMatched[j] == nil {
                seen[j] = i
                js.append(j)
            }
            for j in rare.sharers(of: u, idf).prefix(candidatesPerUnit) where seen[j] != i && newMatched[j] == nil {
                seen[j] = i
                js.append(j)
            }
            // 3. Score (pairing greedily, best first, follows).
            score(i, js)
        }
        return finish(old, new, pairs: pairs, scored: scored, exact: exact, oldMatched: &oldMatched, newMatched: &newMatched)
    }

    /// Exact duplicates, paired in order when both sides have the same number of copies, sorted by old
    /// position: both sides sorted by (hash, index), and the runs of each hash compared.
    private static func exactDuplicates(_ old: [Unit], _ new: [Unit]) -> [(Int, Int)] {
        let olds = old.map { ($0.exactHash, $0.index) }.sorted(by: <)
        let news = new.map { ($0.exactHash, $0.index) }.sorted(by: <)
        var exact: [(Int, Int)] = []
        var a = 0
        var b = 0
        while a < olds.count && b < news.count {
            let hash = olds[a].0
            if hash != news[b].0 {
                if hash < news[b].0 { a += 1 } else { b += 1 }
                continue
            }
            var aEnd = a + 1
            var bEnd = b + 1
            while aEnd < olds.count && olds[aEnd].0 == hash { aEnd += 1 }
            while bEnd < news.count && news[bEnd].0 == hash { bEnd += 1 }
            if aEnd - a == bEnd - b {
                for k in 0..<(aEnd - a) { exact.append((olds[a + k].1, news[b + k].1)) }
            }
            a = aEnd
            b = bEnd
        }
        exact.sort { $0.0 < $1.0 }
        return exact
    }

    /// Per old unit, the new units of its gap between anchors: all of a small gap, a window of ±``window``
    /// around the diagonal in a large one.
    private func gapWindows(_ anchors: [(Int, Int)], _ oldCount: Int, _ newCount: Int) -> [Range<Int>] {
        var windows = [Range<Int>](repeating: 0..<0, count: oldCount)
        var gapStarts: [(Int, Int)] = [(0, 0)]
        for (i, j) in anchors { gapStarts.append((i + 1, j + 1)) }
        var gapEnds: [(Int, Int)] = anchors.map { ($0.0, $0.1) }
        gapEnds.append((oldCount, newCount))
        for (start, end) in zip(gapStarts, gapEnds) {
            let oldGap = start.0..<end.0
            let newGap = start.1..<end.1
            if oldGap.isEmpty || newGap.isEmpty { continue }
            if oldGap.count * newGap.count <= fullComparisonLimit {
                for i in oldGap { windows[i] = newGap }
            } else {
                for i in oldGap {
                    let relative = Double(i - oldGap.lowerBound) / Double(oldGap.count)
                    let centre = newGap.lowerBound + Int(relative * Double(newGap.count))
                    let lo = max(newGap.lowerBound, centre - window)
                    let hi = min(newGap.upperBound, centre + window + 1)
                    if lo < hi { windows[i] = lo..<hi }
                }
            }
        }
        return windows
    }

    /// The open new units by key, for finding the units that share an old unit's rare keys.
    ///
    /// Keys are small integers: postings and shared weights are arrays. The postings of key k are
    /// `postingUnits[postingStart[k]..<postingStart[k + 1]]`, the open new units holding k in order (counted
    /// first, then filled: one table instead of an array per key).
    private struct RareKeys {
        let keyCount: Int
        let postingLimit: Int
        let postingStart: [Int32]
        let postingUnits: [Int32]
        /// Per new unit, the weight it shares with the unit asked about (zero between questions).
        var sharedWeight: [Double]
        var touched: [Int] = []

        /// The postings of the units of `new` that `isOpen` accepts (by ``Unit/index``).
        init(_ new: [Unit], postingLimit: Int, isOpen: (Int) -> Bool) {
            var keyCount = 0
            for u in new where isOpen(u.index) {
                if let last = u.bag.last { keyCount = max(keyCount, last.key + 1) }
            }
            var postingStart = [Int32](repeating: 0, count: keyCount + 1)
            for u in new where isOpen(u.index) {
                for entry in u.bag { postingStart[entry.key + 1] += 1 }
            }
            for k in 0..<keyCount { postingStart[k + 1] += postingStart[k] }
            var postingUnits = [Int32](repeating: 0, count: Int(postingStart[keyCount]))
            var fill = postingStart
            for u in new where isOpen(u.index) {
                for entry in u.bag {
                    let key = entry.key
                    postingUnits[Int(fill[key])] = Int32(u.index)
                    fill[key] += 1
                }
            }
            self.keyCount = keyCount
            self.postingLimit = postingLimit
            self.postingStart = postingStart
            self.postingUnits = postingUnits
            sharedWeight = [Double](repeating: 0, count: new.count)
        }

        /// The open new units sharing a key of `u` that at most ``postingLimit`` of them hold, by the weight
        /// they share with it (descending), then by index: the order of sorting a dictionary of shared weights.
        mutating func sharers(of u: Unit, _ idf: IDF) -> [Int] {
            for j in touched { sharedWeight[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            for entry in u.bag {
                let key = entry.key
                guard key < keyCount else { continue }
                let lo = Int(postingStart[key])
                let hi = Int(postingStart[key + 1])
                guard lo < hi, hi - lo <= postingLimit else { continue }
                let w = idf.weight(key)
                for p in lo..<hi {
                    let j = Int(postingUnits[p])
                    if sharedWeight[j] == 0 { touched.append(j) }  // weights are positive
                    sharedWeight[j] += w
                }
            }
            let weights = sharedWeight
            touched.sort { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
            return touched
        }
    }

    /// Bag classes are formed when more pairs than this could be compared.
    static let classifiedPairs = 256

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
            let da = abs(a.old - a.new)
            let db = abs(b.old - b.new)
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
        var tree = [Link](repeating: Link(total: 0, previous: -1), count: size + 1)
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
        var links = [Link](repeating: Link(total: 0, previous: -1), count: count)
        var bestEnd = -1
        for n in 0..<count {
            let best = query(new(n))
            links[n] = Link(total: best.total + weight(n), previous: best.previous)
            update(new(n), Link(total: links[n].total, previous: n))
            if bestEnd < 0 || links[n].total > links[bestEnd].total { bestEnd = n }
        }
        var chain = [Bool](repeating: false, count: count)
        var k = bestEnd
        while k >= 0 {
            chain[k] = true
            k = links[k].previous
        }
        return chain
    }
}
