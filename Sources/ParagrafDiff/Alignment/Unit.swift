import Paragraf

/// A provision prepared for comparison: its node, its tokens and the sparse vector alignment scores.
struct Unit {
    /// The node (chapter, section, subsection or item).
    var node: Node
    /// Index of the unit in its level, in document order.
    var index: Int
    /// Tokens of the provision's text (labels of nested items included), in order; kept only for the
    /// levels whose words are compared (subsections, annex blocks), empty otherwise.
    var tokens: [Token]
    /// Number of word tokens.
    var wordCount: Int
    /// Hash of the exact text (token keys), numbers included.
    var exactHash: Int
    /// Comparison keys with era terms folded and numbers generalized, with their counts, sorted by key.
    var bag: [(key: Int, count: Int)]
    /// Total weight of `bag` under the idf table.
    var weight: Double = 0
}

/// Interns token keys as integers shared by both versions.
final class Interner {
    private var ids: [String: Int] = [:]
    private(set) var strings: [String] = []

    func id(_ key: String) -> Int {
        if let id = ids[key] { return id }
        let id = strings.count
        ids[key] = id
        strings.append(key)
        return id
    }
}

/// Tokens of each leaf and label of one version, computed once and shared by every level.
final class TokenCache {
    private var tokens: [Range<Int>: [Token]] = [:]

    /// The tokens of `source[range]`, with their keys interned in `interner`.
    func tokens(_ source: SourceText, _ range: Range<Int>, _ interner: Interner) -> [Token] {
        if let cached = tokens[range] { return cached }
        var result = Tokenizer.tokens(source, range)
        let number = interner.id("#")
        for k in result.indices {
            result[k].symbol = interner.id(result[k].key)
            switch result[k].kind {
            case .punctuation: result[k].bagSymbol = -1
            case .number: result[k].bagSymbol = number
            case .word:
                result[k].bagSymbol =
                    Lexicon.eraEquivalents[result[k].key].map { interner.id($0) } ?? result[k].symbol
            }
        }
        tokens[range] = result
        return result
    }
}

/// Builds units from nodes of one version.
struct UnitBuilder {
    let source: SourceText
    let interner: Interner
    var cache = TokenCache()

    /// The content tokens of `node`: every leaf's text, plus item labels ("1)") below the node.
    func tokens(of node: Node) -> [Token] {
        var result: [Token] = []
        collect(node, isRoot: true, into: &result)
        return result
    }

    private func collect(_ node: Node, isRoot: Bool, into result: inout [Token]) {
        if node.kind == .item, !isRoot, let labelRange = node.labelRange {
            result.append(contentsOf: cache.tokens(source, labelRange.offsets, interner))
        }
        if node.kind == .chapter || node.kind == .annex || node.kind == .part, let titleRange = node.titleRange {
            result.append(contentsOf: cache.tokens(source, titleRange.offsets, interner))
        }
        if node.children.isEmpty {
            if node.text != nil, !(node.kind == .section || node.kind == .subsection) {
                // Leaves: the range may include a label only for containers, which have children.
                result.append(contentsOf: cache.tokens(source, node.range.offsets, interner))
            }
            return
        }
        for child in node.children { collect(child, isRoot: false, into: &result) }
    }

    /// The unit of `node`; `keepTokens` keeps the token list for word-level comparison.
    /// - Complexity: O(size of the node's text); leaf tokens come from the cache after the first level.
    func unit(_ node: Node, index: Int, keepTokens: Bool = false) -> Unit {
        var hasher = Hasher()
        var keys: [Int] = []
        var kept: [Token] = []
        var words = 0
        func visit(_ toks: [Token]) {
            for t in toks {
                hasher.combine(t.symbol)
                if t.bagSymbol >= 0 { keys.append(t.bagSymbol) }
                if t.kind == .word { words += 1 }
            }
            if keepTokens { kept.append(contentsOf: toks) }
        }
        func walk(_ n: Node, isRoot: Bool) {
            if n.kind == .item, !isRoot, let labelRange = n.labelRange {
                visit(cache.tokens(source, labelRange.offsets, interner))
            }
            if n.kind == .chapter || n.kind == .annex || n.kind == .part, let titleRange = n.titleRange {
                visit(cache.tokens(source, titleRange.offsets, interner))
            }
            if n.children.isEmpty {
                if n.text != nil { visit(cache.tokens(source, n.range.offsets, interner)) }
                return
            }
            for child in n.children { walk(child, isRoot: false) }
        }
        walk(node, isRoot: true)
        keys.sort()
        var bag: [(key: Int, count: Int)] = []
        for k in keys {
            if let last = bag.last, last.key == k { bag[bag.count - 1].count += 1 } else { bag.append((k, 1)) }
        }
        return Unit(
            node: node, index: index, tokens: kept, wordCount: words, exactHash: hasher.finalize(), bag: bag)
    }
}

/// Inverse document frequencies of comparison keys, computed over the units of both versions.
///
/// Keys are small interned integers, so the table is an array; bags are sorted, so comparing two units
/// is a merge.
struct IDF {
    private var weights: [Double] = []
    private let defaultWeight: Double

    init(_ units: [[Unit]]) {
        var df: [Int] = []
        var n = 0
        for list in units {
            for unit in list {
                n += 1
                for (key, _) in unit.bag {
                    if key >= df.count { df += [Int](repeating: 0, count: key - df.count + 1) }
                    df[key] += 1
                }
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
        for (key, count) in unit.bag { w += weight(key) * Double(count) }
        return w
    }

    /// The weight the two bags share (minimum counts).
    private func shared(_ a: [(key: Int, count: Int)], _ b: [(key: Int, count: Int)]) -> Double {
        var i = 0, j = 0
        var shared = 0.0
        while i < a.count && j < b.count {
            let ka = a[i].key, kb = b[j].key
            if ka == kb {
                shared += weight(ka) * Double(min(a[i].count, b[j].count))
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

    /// Weighted Dice similarity of two bags, 0...1.
    func similarity(_ a: Unit, _ b: Unit) -> Double {
        let denominator = a.weight + b.weight
        guard denominator > 0 else { return a.bag.isEmpty && b.bag.isEmpty ? 1 : 0 }
        return 2 * shared(a.bag, b.bag) / denominator
    }

    /// The share of `part`'s weight that `whole` also holds, 0...1.
    func containment(of part: Unit, in whole: Unit) -> Double {
        guard part.weight > 0 else { return 0 }
        return shared(part.bag, whole.bag) / part.weight
    }
}

import Foundation
