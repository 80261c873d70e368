import Foundation
import Paragraf

/// Builds units from nodes of one version.
struct UnitBuilder {
    let version: FlatVersion
    /// Reused for counting and sorting bag keys. Every unit reads and writes these tables (a §, stk., nr. and
    /// chapter each); no access overlaps another. Measured: leaving out the run-time exclusivity checks on
    /// these four tables, ``DutyReader/FlagCache``'s, ``Symbols``' key strings and ``FlatVersion/citations``
    /// saves 8.4 M of 404 M instructions (2 %) of `paragraf-bench once diff` at ×10. Counting through
    /// buffers instead of array subscripts saves 14.6 M instructions (3 %) of a whole `paragraf diff` of the
    /// ×10 corpora.
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
        let n = version.rows[node]
        let range = Int(n.tokenStart)..<Int(n.tokenEnd)
        return version.tokens.withUnsafeBufferPointer { toks in
            unit(toks[range], node: node, index: index, kept: keepTokens ? range : range.lowerBound..<range.lowerBound)
        }
    }

    /// The unit of a chapter's title alone (the chapter without its children).
    func titleUnit(_ node: Int, index: Int) -> Unit {
        let n = version.rows[node]
        let kind = version.nodes.kind(at: node)
        var atoms: [Int] = []
        if n.contentAtom < n.atomEnd, version.atoms[Int(n.contentAtom)].node == Int32(node),
            kind == .chapter || kind == .annex || kind == .part, n.textAtom != n.contentAtom
        {
            atoms.append(Int(n.contentAtom))
        }
        var toks: [Tok] = []
        for a in atoms {
            version.finalize(a)
            toks += version.tokens[Int(version.atoms[a].tokenStart)..<Int(version.atoms[a].tokenEnd)]
        }
        if version.nodes.hasText(at: node) {
            // A container with text of its own (never from the text parser): its whole range, as a leaf.
            toks += version.adhocTokens(version.nodes.range(at: node).offsets)
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
        var lowest = Int32.max
        var highest: Int32 = -1
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
        let n = version.rows[node]
        let scratch = self.scratch
        // At most one key per token of the node.
        scratch.reserve(keys: Int(n.tokenEnd) - Int(n.tokenStart), symbols: version.symbols.provisionalOf.count)
        var lowest = Int32.max
        var highest: Int32 = -1
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
                            let p = version.rows[part.node]
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
        let firstWord = Int(lowest) >> 6
        let lastWord = Int(highest) >> 6
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
