import Foundation

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
