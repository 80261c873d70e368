import Foundation
import Paragraf

/// Inverse document frequencies of comparison keys, computed over the units of both versions.
///
/// Keys are small interned integers, so the table is an array; bags are sorted, so comparing two units
/// is a merge.
struct IDF {
    private var weights: [Double] = []
    private let defaultWeight: Double

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
        var i = 0
        var j = 0
        var shared = 0.0
        while i < a.count && j < b.count {
            let ka = a[i].key
            let kb = b[j].key
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

    /// The share of `part`'s weight that `whole` also holds, 0...1.
    func containment(of part: Unit, in whole: Unit) -> Double {
        guard part.weight > 0 else { return 0 }
        return shared(part.bag, whole.bag) / part.weight
    }
}
