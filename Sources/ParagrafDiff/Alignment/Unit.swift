import Paragraf

/// One key of a unit's bag and how many of the unit's tokens have it. (A struct of this module rather
/// than a tuple: an array of it finds its type metadata without a runtime lookup.)
struct BagEntry: Equatable {
    var key: Int
    var count: Int
}

/// A provision prepared for comparison: its node, its tokens and the sparse vector alignment scores.
struct Unit {
    /// The node (chapter, section, subsection or item): an index into its version's ``FlatVersion/nodes``.
    var node: Int
    /// Index of the unit in its level, in document order.
    var index: Int
    /// Tokens of the provision's text (labels of nested items included), in order, as a range of its
    /// version's token table; kept only for the levels whose words are compared (subsections, annex
    /// blocks), empty otherwise.
    var tokens: Range<Int>
    /// Number of word tokens.
    var wordCount: Int
    /// Hash of the exact text (token keys), numbers included.
    var exactHash: Int
    /// Comparison keys with era terms folded and numbers generalized, with their counts, sorted by key.
    var bag: [BagEntry]
    /// Total weight of `bag` under the idf table.
    var weight: Double = 0
}

/// Builds units from nodes of one version.
struct UnitBuilder {
    let version: FlatVersion
    /// Reused for sorting bag keys.
    private final class Scratch {
        /// The distinct keys of the unit being built, in its first places (as long as the longest unit).
        @exclusivity(unchecked) var keys: [Int32] = []
        /// Per final symbol, its count in the unit being built (zero between units).
        @exclusivity(unchecked) var counts: [Int32] = []
        /// One bit per final symbol: the keys of the unit being built, when they are read off in order
        /// (zero between units).
        @exclusivity(unchecked) var bits: [UInt64] = []
        /// The bag of the unit being built, before it is copied into an array of its own size.
        @exclusivity(unchecked) var entries: [BagEntry] = []

        /// Grows the tables for a unit of up to `keys` distinct keys over `symbols` final symbols (the key
        /// buffers at least doubling, so that growing stays rare).
        func reserve(keys size: Int, symbols symbolCount: Int) {
            if keys.count < size {
                let grown = max(size, 2 * keys.count)
                keys = [Int32](repeating: 0, count: grown)
                entries = [BagEntry](repeating: BagEntry(key: 0, count: 0), count: grown)
            }
            if counts.count < symbolCount { counts += [Int32](repeating: 0, count: symbolCount - counts.count) }
        }
    }
    private let scratch = Scratch()

    init(_ version: FlatVersion) { self.version = version }

    /// The unit of `node`; `keepTokens` keeps the token range for word-level comparison.
    /// - Complexity: O(size of the node's text); tokens come from the version's table.
    func unit(_ node: Int, index: Int, keepTokens: Bool = false) -> Unit {
        version.finalizeUnit(node)
        let n = version.nodes[node]
        let range = Int(n.tokenStart)..<Int(n.tokenEnd)
        return version.tokens.withUnsafeBufferPointer { toks in
            unit(toks[range], node: node, index: index, kept: keepTokens ? range : range.lowerBound..<range.lowerBound)
        }
    }

    /// The unit of a chapter's title alone (the chapter without its children).
    func titleUnit(_ node: Int, index: Int) -> Unit {
        let n = version.nodes[node]
        var atoms: [Int] = []
        if n.contentAtom < n.atomEnd, version.atoms[Int(n.contentAtom)].node == Int32(node),
            version.nodes[node].kind == .chapter || version.nodes[node].kind == .annex || version.nodes[node].kind == .part,
            n.textAtom != n.contentAtom
        {
            atoms.append(Int(n.contentAtom))
        }
        var toks: [Tok] = []
        for a in atoms {
            version.finalize(a)
            toks += version.tokens[Int(version.atoms[a].tokenStart)..<Int(version.atoms[a].tokenEnd)]
        }
        if n.text != nil {
            // A container with text of its own (never from the text parser): its whole range, as a leaf.
            toks += version.adhocTokens(n.range.offsets)
        }
        return toks.withUnsafeBufferPointer { unit($0[...], node: node, index: index, kept: 0..<0) }
    }

    private func unit(_ toks: Slice<UnsafeBufferPointer<Tok>>, node: Int, index: Int, kept: Range<Int>) -> Unit {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        var words = 0
        // Distinct keys are counted in a table indexed by key and only they are sorted. The keys go into
        // a buffer as long as the unit (every token could be a new key), written in place.
        let scratch = self.scratch
        scratch.reserve(keys: toks.count, symbols: version.symbols.provisionalOf.count)
        var lowest = Int32.max, highest: Int32 = -1
        var keyCount = 0
        let number = version.symbols.numberSymbol
        scratch.keys.withUnsafeMutableBufferPointer { keys in
            scratch.counts.withUnsafeMutableBufferPointer { counts in
                version.symbols.wordBags.withUnsafeBufferPointer { wordBags in
                    for t in toks {
                        // Multiply and shift: a purely polynomial hash would collide for crafted sequences.
                        hash = (hash ^ UInt64(UInt32(bitPattern: t.symbol))) &* 0x9E37_79B9_7F4A_7C15
                        hash ^= hash >> 31
                        // The comparison key (``Symbols/bag(_:)``), read from the table the words share.
                        let bag: Int32
                        switch t.kind {
                        case .word:
                            bag = wordBags[Int(t.symbol)]
                            words &+= 1
                        case .number: bag = number
                        case .punctuation: bag = -1
                        }
                        if bag >= 0 {
                            if counts[Int(bag)] == 0 {
                                keys[keyCount] = bag
                                keyCount &+= 1
                                lowest = min(lowest, bag)
                                highest = max(highest, bag)
                            }
                            counts[Int(bag)] &+= 1
                        }
                    }
                }
            }
        }
        hash = (hash ^ UInt64(toks.count)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        let bag = readBag(keyCount: keyCount, lowest: lowest, highest: highest)
        return Unit(
            node: node, index: index, tokens: kept, wordCount: words, exactHash: Int(truncatingIfNeeded: hash), bag: bag)
    }

    /// The unit of `node` with the bags of `parts` (units of disjoint subtrees of `node`, in document
    /// order) added up instead of their tokens read again, and the other tokens of `node` counted: the
    /// bag ``unit(_:index:keepTokens:)`` gives. Its exact hash and word count are not computed (zero), nor
    /// its token range kept. The unit's atoms must be finalized.
    func unit(_ node: Int, index: Int, parts: ArraySlice<Unit>) -> Unit {
        let n = version.nodes[node]
        let scratch = self.scratch
        // At most one key per token of the node.
        scratch.reserve(keys: Int(n.tokenEnd) - Int(n.tokenStart), symbols: version.symbols.provisionalOf.count)
        var lowest = Int32.max, highest: Int32 = -1
        var keyCount = 0
        let number = version.symbols.numberSymbol
        scratch.keys.withUnsafeMutableBufferPointer { keys in
            scratch.counts.withUnsafeMutableBufferPointer { counts in
                @inline(__always) func add(_ key: Int32, _ count: Int32) {
                    if counts[Int(key)] == 0 {
                        keys[keyCount] = key
                        keyCount &+= 1
                        lowest = min(lowest, key)
                        highest = max(highest, key)
                    }
                    counts[Int(key)] &+= count
                }
                version.symbols.wordBags.withUnsafeBufferPointer { wordBags in
                    version.tokens.withUnsafeBufferPointer { toks in
                        /// Counts the comparison keys of tokens `range`.
                        func count(_ range: Range<Int>) {
                            for t in range {
                                let tok = toks[t]
                                switch tok.kind {
                                case .word: add(wordBags[Int(tok.symbol)], 1)
                                case .number: add(number, 1)
                                case .punctuation: break
                                }
                            }
                        }
                        var t = Int(n.tokenStart)
                        for part in parts {
                            let p = version.nodes[part.node]
                            count(t..<Int(p.tokenStart))
                            for entry in part.bag { add(Int32(truncatingIfNeeded: entry.key), Int32(truncatingIfNeeded: entry.count)) }
                            t = Int(p.tokenEnd)
                        }
                        count(t..<Int(n.tokenEnd))
                    }
                }
            }
        }
        let bag = readBag(keyCount: keyCount, lowest: lowest, highest: highest)
        let start = Int(n.tokenStart)
        return Unit(node: node, index: index, tokens: start..<start, wordCount: 0, exactHash: 0, bag: bag)
    }

    /// The bag of the `keyCount` keys in the scratch table (their counts in `counts`, between `lowest` and
    /// `highest`), in ascending key order; the counts are zeroed for the next unit.
    private func readBag(keyCount: Int, lowest: Int32, highest: Int32) -> [BagEntry] {
        let scratch = self.scratch
        let firstWord = Int(lowest) >> 6, lastWord = Int(highest) >> 6
        let dense = keyCount >= 16 && lastWord - firstWord < 4 * keyCount
        if dense {
            if scratch.bits.count <= lastWord { scratch.bits += [UInt64](repeating: 0, count: lastWord + 1 - scratch.bits.count) }
        } else {
            scratch.keys[0..<keyCount].sort()
        }
        // Written into the scratch entries in ascending key order, then copied into an array of their number.
        scratch.entries.withUnsafeMutableBufferPointer { out in
            var n = 0
            scratch.counts.withUnsafeMutableBufferPointer { counts in
                if dense {
                    // Many keys, densely spread: set one bit per key and read the bits off in ascending order.
                    scratch.bits.withUnsafeMutableBufferPointer { bits in
                        for k in scratch.keys[0..<keyCount] { bits[Int(k) >> 6] |= 1 << UInt64(k & 63) }
                        for w in firstWord...lastWord {
                            var word = bits[w]
                            bits[w] = 0
                            while word != 0 {
                                let k = w << 6 | word.trailingZeroBitCount
                                out[n] = BagEntry(key: k, count: Int(counts[k]))
                                n &+= 1
                                counts[k] = 0
                                word &= word &- 1
                            }
                        }
                    }
                } else {
                    for k in scratch.keys[0..<keyCount] {
                        out[n] = BagEntry(key: Int(k), count: Int(counts[Int(k)]))
                        n &+= 1
                        counts[Int(k)] = 0
                    }
                }
            }
        }
        var bag: [BagEntry] = []
        bag.reserveCapacity(keyCount)
        bag.append(contentsOf: scratch.entries[0..<keyCount])
        return bag
    }
}

/// Inverse document frequencies of comparison keys, computed over the units of both versions.
///
/// Keys are small interned integers, so the table is an array; bags are sorted, so comparing two units
/// is a merge.
struct IDF {
    fileprivate var weights: [Double] = []
    fileprivate let defaultWeight: Double

    init(_ units: [[Unit]]) {
        // As long as the largest key needs (bags are sorted, so it is some bag's last key).
        var keys = 0
        for list in units {
            for unit in list { if let last = unit.bag.last { keys = max(keys, last.key + 1) } }
        }
        var df = [Int](repeating: 0, count: keys)
        var n = 0
        for list in units {
            for unit in list {
                n += 1
                for entry in unit.bag { df[entry.key] += 1 }
            }
        }
        let total = Double(max(n, 1))
        weights = df.map { $0 == 0 ? log(1 + total) : log(1 + total / Double($0)) }
        defaultWeight = log(1 + total)
    }

    @inline(__always)
    func weight(_ key: Int) -> Double { key < weights.count ? weights[key] : defaultWeight }

    func totalWeight(_ unit: Unit) -> Double {
        var w = 0.0
        for entry in unit.bag { w += weight(entry.key) * Double(entry.count) }
        return w
    }

    /// The weight the two bags share (minimum counts).
    private func shared(_ a: [BagEntry], _ b: [BagEntry]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                weights.withUnsafeBufferPointer { w in
                    var i = 0, j = 0
                    var shared = 0.0
                    while i < a.count && j < b.count {
                        let ka = a[i].key, kb = b[j].key
                        if ka == kb {
                            shared += (ka < w.count ? w[ka] : defaultWeight) * Double(min(a[i].count, b[j].count))
                            i += 1
                            j += 1
                        } else if ka < kb {
                            i += 1
                        } else {
                            j += 1
                        }
                    }
                    return shared
                }
            }
        }
    }

    /// Weighted Dice similarity of two bags, 0...1.
    func similarity(_ a: Unit, _ b: Unit) -> Double {
        let denominator = a.weight + b.weight
        guard denominator > 0 else { return a.bag.isEmpty && b.bag.isEmpty ? 1 : 0 }
        return 2 * shared(a.bag, b.bag) / denominator
    }

    /// Whether `similarity(a, b)` can reach `threshold` at all, judged from the weights alone.
    ///
    /// The shared weight is a sum of terms each at most the corresponding term of either unit's weight,
    /// added in the same key order, so (rounding being monotone) it never exceeds the smaller weight:
    /// `2 · min(wa, wb) / (wa + wb)` bounds the similarity as computed, and a pair below `threshold` here
    /// is below it in ``similarity(_:_:)`` too.
    @inline(__always)
    func canReach(_ a: Unit, _ b: Unit, _ threshold: Double) -> Bool {
        let denominator = a.weight + b.weight
        guard denominator > 0 else { return true }
        return 2 * min(a.weight, b.weight) / denominator >= threshold
    }

    /// Scores one unit against many: the unit's bag spread over a table indexed by key, so that each
    /// comparison walks only the other bag. ``similarity(_:)`` equals ``IDF/similarity(_:_:)`` bit for bit:
    /// the same terms are added in the same (ascending key) order.
    final class Scorer {
        let idf: IDF
        @exclusivity(unchecked) private var counts: [Int32] = []
        /// The weights of `idf`, read without going through the struct on every comparison.
        private let weights: [Double]
        private let defaultWeight: Double
        /// The loaded unit's bag (to clear its counts on the next load), weight and emptiness: kept apart so
        /// that a comparison copies no unit.
        private var loadedBag: [BagEntry] = []
        private var loadedWeight = 0.0
        private var isLoaded = false

        init(_ idf: IDF) {
            self.idf = idf
            weights = idf.weights
            defaultWeight = idf.defaultWeight
        }

        /// Makes `a` the unit compared with.
        func load(_ a: Unit) {
            for entry in loadedBag { counts[entry.key] = 0 }
            if let last = a.bag.last, last.key >= counts.count {
                counts += [Int32](repeating: 0, count: last.key + 1 - counts.count)
            }
            for entry in a.bag { counts[entry.key] = Int32(entry.count) }
            loadedBag = a.bag
            loadedWeight = a.weight
            isLoaded = true
        }

        /// `idf.similarity(a, b)` for the loaded unit `a`.
        func similarity(_ b: Unit) -> Double {
            precondition(isLoaded, "similarity before load")
            let denominator = loadedWeight + b.weight
            guard denominator > 0 else { return loadedBag.isEmpty && b.bag.isEmpty ? 1 : 0 }
            let defaultWeight = self.defaultWeight
            let shared = b.bag.withUnsafeBufferPointer { bb in
                counts.withUnsafeBufferPointer { c in
                    weights.withUnsafeBufferPointer { w in
                        var shared = 0.0
                        for entry in bb where entry.key < c.count {
                            let key = entry.key
                            let ca = Int(c[key])
                            if ca == 0 { continue }
                            shared += (key < w.count ? w[key] : defaultWeight) * Double(min(ca, entry.count))
                        }
                        return shared
                    }
                }
            }
            return 2 * shared / denominator
        }
    }

    /// The share of `part`'s weight that `whole` also holds, 0...1.
    func containment(of part: Unit, in whole: Unit) -> Double {
        guard part.weight > 0 else { return 0 }
        return shared(part.bag, whole.bag) / part.weight
    }
}

import Foundation
