/// The byte tests of the citation scanner: the same definitions as ``Bytes`` in the Paragraf module,
/// repeated here so that they inline into the scanning loops (a call into another module per byte tested
/// cost more than the test itself). ``Bytes/normalized(_:_:_:)`` stays in Paragraf: it runs once per
/// citation, not per byte.
enum ScanBytes {
    /// The length of the whitespace character at `i`, or 0 (``Bytes/spaceLength(_:_:)``).
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard i + 2 < b.count else { return 0 }
            let c1 = b[i + 1]
            let c2 = b[i + 2]
            if c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF) { return 3 }
            if c1 == 0x81 && c2 == 0x9F { return 3 }
            return 0
        case 0xE3: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        case 0xEF: return i + 2 < b.count && b[i + 1] == 0xBB && b[i + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Whether `c` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Whether `c` is an ASCII letter.
    @inline(__always)
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    /// Whether the character at `i` is a letter, ASCII or Latin-1 (``Bytes/isLetter(_:_:)``).
    @inline(__always)
    static func isLetter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if isASCIILetter(c) { return true }
        if c == 0xC3, i + 1 < b.count { return b[i + 1] >= 0x80 && b[i + 1] <= 0xBF && b[i + 1] != 0x97 && b[i + 1] != 0xB7 }
        return false
    }

    /// Whether the character at `i` is a lower-case letter (``Bytes/isLower(_:_:)``).
    @inline(__always)
    static func isLower(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c >= 0x61 && c <= 0x7A { return true }
        if c == 0xC3, i + 1 < b.count { return b[i + 1] >= 0x9F && b[i + 1] <= 0xBF && b[i + 1] != 0xB7 }
        return false
    }

    /// The first offset at or after `i` (below `end`) that is not whitespace.
    @inline(__always)
    static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end {
            // Most calls land on a plain byte: answer those without the full whitespace test.
            let c = b[i]
            if c > 0x20 && c < 0xC2 { break }
            let n = spaceLength(b, i)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// Like ``skipSpace(_:_:_:)`` but stops at a line feed.
    @inline(__always)
    static func skipInlineSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, b[i] != 0x0A {
            let n = spaceLength(b, i)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// The offset just past the last non-whitespace byte in `[start, end)`, or `start`.
    @inline(__always)
    static func trimEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let c = b[e - 1]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C {
                e -= 1
            } else if c == 0xA0, e - 2 >= start, b[e - 2] == 0xC2 {
                e -= 2
            } else if e - 3 >= start, spaceLength(b, e - 3) == 3 {
                e -= 3
            } else {
                break
            }
        }
        return e
    }

    /// Whether the bytes at `i` spell `word` (ASCII), not running past `end`.
    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= end else { return false }
        let p = word.utf8Start
        for k in 0..<count where b[i + k] != p[k] { return false }
        return true
    }

    /// Like ``matches(_:_:_:_:)`` but ASCII case-insensitive (bit 0x20 ignored in every byte, as in
    /// ``Bytes/matchesIgnoringCase(_:_:_:_:)``).
    @inline(__always)
    static func matchesIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= end else { return false }
        let p = word.utf8Start
        for k in 0..<count where b[i + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    /// `c` with ASCII letters in lower case, other bytes as they are.
    @inline(__always)
    static func fold(_ c: UInt8) -> UInt8 { isASCIILetter(c) ? c | 0x20 : c }
}

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
    private static func test(_ bits: UnsafeBufferPointer<UInt64>, _ base: Int, _ key: Int) -> Bool {
        bits[base + key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    private mutating func set(_ base: Int, _ key: Int) { bits[base + key >> 6] |= 1 << UInt64(key & 63) }

    @inline(__always)
    private static func tripleKey(_ pair: Int, _ third: UInt8) -> Int { (pair &* 31 &+ Int(third)) & 0xFFFF }

    /// Adds the words starting with `prefix` (its first byte an ASCII letter) in any ASCII case. A space in
    /// `prefix` stands for any whitespace, so nothing after it is tested.
    mutating func insert(_ prefix: [UInt8]) {
        guard let first = prefix.first, ScanBytes.isASCIILetter(first) else { return }
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
    @inline(__always)
    func mayStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        bits.withUnsafeBufferPointer { bits in
            let f0 = ScanBytes.fold(b[i])
            if Self.test(bits, 0, Int(f0)) { return true }
            let pair = Int(f0) << 8 | Int(ScanBytes.fold(b[i + 1]))
            guard Self.test(bits, Self.pairs, pair) else { return false }
            if i + 2 >= end || Self.test(bits, Self.anyAfterPair, pair) { return true }
            return Self.test(bits, Self.triples, Self.tripleKey(pair, ScanBytes.fold(b[i + 2])))
        }
    }
}
