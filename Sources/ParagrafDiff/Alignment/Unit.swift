import Paragraf

/// A provision prepared for comparison: its node, its tokens and the sparse vector alignment scores.
struct Unit {
    /// The node (chapter, section, subsection or item).
    var node: Node
    /// Index of the unit in its level, in document order.
    var index: Int
    /// Word and number tokens of the provision's text (labels of nested items included), in order.
    var tokens: [Token]
    /// Hash of the exact text (token keys), numbers included.
    var exactHash: Int
    /// Comparison keys with era terms folded and numbers generalized, with their counts.
    var bag: [Int: Int]
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

/// Builds units from nodes of one version.
struct UnitBuilder {
    let source: SourceText
    let interner: Interner

    /// The content tokens of `node`: every leaf's text, plus item labels ("1)") below the node.
    func tokens(of node: Node) -> [Token] {
        var result: [Token] = []
        collect(node, isRoot: true, into: &result)
        return result
    }

    private func collect(_ node: Node, isRoot: Bool, into result: inout [Token]) {
        if node.kind == .item, !isRoot, let labelRange = node.labelRange {
            result.append(contentsOf: Tokenizer.tokens(source, labelRange.offsets))
        }
        if node.kind == .chapter || node.kind == .annex || node.kind == .part, let titleRange = node.titleRange {
            result.append(contentsOf: Tokenizer.tokens(source, titleRange.offsets))
        }
        if node.children.isEmpty {
            if node.text != nil, !(node.kind == .section || node.kind == .subsection) {
                // Leaves: the range may include a label only for containers, which have children.
                result.append(contentsOf: Tokenizer.tokens(source, node.range.offsets))
            }
            return
        }
        for child in node.children { collect(child, isRoot: false, into: &result) }
    }

    func unit(_ node: Node, index: Int) -> Unit {
        let toks = tokens(of: node)
        var hasher = Hasher()
        var bag: [Int: Int] = [:]
        for t in toks {
            hasher.combine(t.key)
            switch t.kind {
            case .punctuation: continue
            case .number: bag[interner.id("#"), default: 0] += 1
            case .word:
                let key = Lexicon.eraEquivalents[t.key] ?? t.key
                bag[interner.id(key), default: 0] += 1
            }
        }
        return Unit(node: node, index: index, tokens: toks, exactHash: hasher.finalize(), bag: bag)
    }
}

/// Inverse document frequencies of comparison keys, computed over the units of both versions.
struct IDF {
    private var weights: [Int: Double] = [:]
    private let defaultWeight: Double

    init(_ units: [[Unit]]) {
        var df: [Int: Int] = [:]
        var n = 0
        for list in units {
            for unit in list {
                n += 1
                for key in unit.bag.keys { df[key, default: 0] += 1 }
            }
        }
        let total = Double(max(n, 1))
        for (key, count) in df { weights[key] = log(1 + total / Double(count)) }
        defaultWeight = log(1 + total)
    }

    func weight(_ key: Int) -> Double { weights[key] ?? defaultWeight }

    func totalWeight(_ unit: Unit) -> Double {
        var w = 0.0
        for (key, count) in unit.bag { w += weight(key) * Double(count) }
        return w
    }

    /// Weighted Dice similarity of two bags, 0...1.
    func similarity(_ a: Unit, _ b: Unit) -> Double {
        let denominator = a.weight + b.weight
        guard denominator > 0 else { return a.bag.isEmpty && b.bag.isEmpty ? 1 : 0 }
        let (small, large) = a.bag.count <= b.bag.count ? (a.bag, b.bag) : (b.bag, a.bag)
        var shared = 0.0
        for (key, count) in small {
            guard let other = large[key] else { continue }
            shared += weight(key) * Double(min(count, other))
        }
        return 2 * shared / denominator
    }

    /// The share of `part`'s weight that `whole` also holds, 0...1.
    func containment(of part: Unit, in whole: Unit) -> Double {
        guard part.weight > 0 else { return 0 }
        var shared = 0.0
        for (key, count) in part.bag {
            guard let other = whole.bag[key] else { continue }
            shared += weight(key) * Double(min(count, other))
        }
        return shared / part.weight
    }
}

import Foundation
