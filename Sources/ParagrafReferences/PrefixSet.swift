import Paragraf

/// The prefixes a word must start with to be worth parsing, tested on its first two or three bytes
/// (each folded by ``ScanBytes/fold(_:)``): 64 Kbit for the pairs, 64 Kbit for the triples (hashed, so a
/// triple may pass that no prefix has: the set never says no wrongly).
///
/// The scanner asks it before reading a word: a word no keyword and no act alias can start is skipped
/// without the parsers looking at it.
struct PrefixSet: Sendable {
    /// Four bitsets in one buffer: the first bytes after which anything may follow (a one-byte prefix, or a
    /// space second; 256 bits), the pairs (64 Kbit), the pairs after which anything may follow (a two-byte
    /// prefix, or a space or a "\u{C3}" byte third; 64 Kbit) and the hashed triples (64 Kbit).
    private var bits = [UInt64](repeating: 0, count: 4 + 3 * 1024)
    private static let pairs = 4
    private static let anyAfterPair = 4 + 1024
    private static let triples = 4 + 2 * 1024

    @inline(__always)
    private static func test(_ bits: [UInt64], _ base: Int, _ key: Int) -> Bool {
        bits[base + key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    private mutating func set(_ base: Int, _ key: Int) { bits[base + key >> 6] |= 1 << UInt64(key & 63) }

    @inline(__always)
    private static func tripleKey(_ pair: Int, _ third: UInt8) -> Int { (pair &* 31 &+ Int(third)) & 0xFFFF }

    /// Adds the words starting with `prefix` (its first byte an ASCII letter) in any ASCII case. A space in
    /// `prefix` stands for any whitespace, so nothing after it is tested.
    mutating func insert(_ prefix: [UInt8]) {
        guard let first = prefix.first, Bytes.isASCIILetter(first) else { return }
        let f0 = ScanBytes.fold(first)
        guard prefix.count >= 2, prefix[1] != 0x20 else {
            set(0, Int(f0))
            return
        }
        let pair = Int(f0) << 8 | Int(ScanBytes.fold(prefix[1]))
        set(Self.pairs, pair)
        // After "\u{C3}" an act alias matches a letter of either case (ActTable.match), which folding misses.
        guard prefix.count >= 3, prefix[2] != 0x20, prefix[1] != 0xC3 else {
            set(Self.anyAfterPair, pair)
            return
        }
        set(Self.triples, Self.tripleKey(pair, ScanBytes.fold(prefix[2])))
    }

    /// Whether a word starting at `i` (an ASCII letter, with `i + 1 < end`) may start with one of the
    /// prefixes; a third byte is tested when there is one before `end`.
    /// `b` is the scanner's buffer (see ``CitationExtractor``).
    @inline(__always)
    func mayStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let f0 = ScanBytes.fold(b[i])
        if Self.test(bits, 0, Int(f0)) { return true }
        let pair = Int(f0) << 8 | Int(ScanBytes.fold(b[i + 1]))
        guard Self.test(bits, Self.pairs, pair) else { return false }
        if i + 2 >= end || Self.test(bits, Self.anyAfterPair, pair) { return true }
        return Self.test(bits, Self.triples, Self.tripleKey(pair, ScanBytes.fold(b[i + 2])))
    }
}
