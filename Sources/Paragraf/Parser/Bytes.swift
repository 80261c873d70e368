#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level helpers shared by the parsers: whitespace that includes the Unicode spaces found in
/// Danish legal texts, letters including æ, ø, å, and whitespace normalization.
///
/// The small tests are `@inlinable`: the citation scanner in ParagrafReferences calls them per byte, and a
/// call into another module per byte cost more than the test itself.
///
/// Unsafe pointers: the helpers read the parser's `UnsafeBufferPointer<UInt8>` (the decoded text, alive for
/// the whole parse; every caller bounds its index by `end`). The buffer is what the two fast paths need:
/// memchr (``next(_:in:from:to:)``; without it `parse --format summary` of the synthetic x10 text runs
/// 21.6 % more instructions, whole process) and the eight-bytes-a-step loads of ``normalized(_:_:_:)``
/// (without them 17.8 % more).
public enum Bytes {
    /// The length of the whitespace character at `i` (ASCII whitespace, U+00A0, U+2000-U+200B,
    /// U+202F, U+205F, U+3000, U+FEFF), or 0.
    @inlinable @inline(__always)
    public static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
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

    /// Whether the byte at `i` starts a whitespace character.
    @inlinable @inline(__always)
    public static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { spaceLength(b, i) > 0 }

    /// Whether `c` is an ASCII digit.
    @inlinable @inline(__always)
    public static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Whether `c` is an ASCII letter.
    @inlinable @inline(__always)
    public static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Whether the character at `i` is a letter (ASCII or a Latin-1 letter such as æ, ø, å, é).
    @inlinable @inline(__always)
    public static func isLetter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if isASCIILetter(c) { return true }
        if c == 0xC3, i + 1 < b.count { return b[i + 1] >= 0x80 && b[i + 1] <= 0xBF && b[i + 1] != 0x97 && b[i + 1] != 0xB7 }
        return false
    }

    /// Whether the character at `i` is an upper-case letter (A-Z, Æ, Ø, Å, É …).
    @inlinable @inline(__always)
    public static func isUpper(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c >= 0x41 && c <= 0x5A { return true }
        if c == 0xC3, i + 1 < b.count { return b[i + 1] >= 0x80 && b[i + 1] <= 0x9E && b[i + 1] != 0x97 }
        return false
    }

    /// Whether the character at `i` is a lower-case letter.
    @inlinable @inline(__always)
    public static func isLower(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c >= 0x61 && c <= 0x7A { return true }
        if c == 0xC3, i + 1 < b.count { return b[i + 1] >= 0x9F && b[i + 1] <= 0xBF && b[i + 1] != 0xB7 }
        return false
    }

    /// The first offset at or after `i` (below `end`) that is not whitespace.
    @inlinable @inline(__always)
    public static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
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
    @inlinable @inline(__always)
    public static func skipInlineSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, b[i] != 0x0A {
            let n = spaceLength(b, i)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// The offset just past the last non-whitespace byte in `[start, end)`, or `start`.
    @inlinable @inline(__always)
    public static func trimEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
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
    @inlinable @inline(__always)
    public static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= end else { return false }
        let p = word.utf8Start
        for k in 0..<count where b[i + k] != p[k] { return false }
        return true
    }

    /// Like ``matches(_:_:_:_:)`` but ASCII case-insensitive.
    @inlinable @inline(__always)
    public static func matchesIgnoringCase(
        _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString
    ) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= end else { return false }
        let p = word.utf8Start
        for k in 0..<count where b[i + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    /// The text of `[start, end)` with every run of whitespace collapsed to one space, trimmed.
    /// Control bytes other than whitespace become U+FFFD so that no invisible byte leaks into output.
    /// - Complexity: O(n); runs of ordinary bytes are copied in bulk (this builds the text of every
    ///   leaf, so it is on the parser's hot path).
    public static func normalized(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        guard end > start else { return "" }
        var prefixEnd = start
        // Fast path: text that is normalized already (single spaces between plain bytes) is copied
        // straight into the string.
        if startsPlainCharacter(b, start) && isPlain(b[end - 1]) {
            var i = start + 1
            while i < end {
                // Eight bytes at a time: no control byte, no lead byte of a Unicode space, no two
                // spaces in a row (nor a space after a space that ended the previous word).
                if i + 8 <= end && isPlainWithSingleSpaces(b, i) {
                    i += 8
                    continue
                }
                if startsPlainCharacter(b, i) {
                    i += 1
                } else if b[i] == 0x20 && i + 1 < end && b[i - 1] != 0x20 && startsPlainCharacter(b, i + 1) {
                    i += 2
                } else {
                    break
                }
            }
            if i == end {
                return String(decoding: b[start..<end], as: UTF8.self)
            }
            // The bytes before `i` are normalized: keep them (without a trailing space) and go on from
            // there rather than scanning them again (wrapped lines, as in the 2003 texts, end here).
            prefixEnd = i
            while prefixEnd > start && b[prefixEnd - 1] == 0x20 { prefixEnd -= 1 }
        }
        if let text = collapsed(b, start, prefixEnd, end, controlBytes: 0) { return text }
        // Control bytes (binary input): each becomes the three bytes of U+FFFD, so the string needs room
        // for two more bytes per control byte. None stands before `prefixEnd` (the fast path stops there).
        var controls = 0
        for k in prefixEnd..<end where InputDecoder.isControl(b[k]) { controls += 1 }
        return collapsed(b, start, prefixEnd, end, controlBytes: controls) ?? ""
    }

    /// ``normalized(_:_:_:)``'s slow path, written straight into the string's buffer: `[start, prefixEnd)` is
    /// normalized already, whitespace runs after it become one space, control bytes U+FFFD. `controlBytes`
    /// is how many control bytes the text holds (room for their U+FFFD); nil when it meets more than that
    /// (the caller counts them and asks again; ordinary text has none and is read once).
    static func collapsed(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ prefixEnd: Int, _ end: Int, controlBytes: Int
    ) -> String? {
        let capacity = end - start + 2 * controlBytes
        var result: String?
        let text = String(unsafeUninitializedCapacity: capacity) { out -> Int in
            guard let count = collapse(b, start, prefixEnd, end, controlBytes: controlBytes, into: out) else { return 0 }
            result = ""
            return count
        }
        return result.map { _ in text }
    }

    /// Writes ``collapsed(_:_:_:_:controlBytes:)``'s text into `out`; returns its length, or nil when
    /// the text holds more than `controlBytes` control bytes.
    static func collapse(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ prefixEnd: Int, _ end: Int, controlBytes: Int,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        var sawControl = false
        var controlsLeft = controlBytes
        let text = { () -> Int in
            var o = prefixEnd - start
            if o > 0 { out.baseAddress!.initialize(from: b.baseAddress! + start, count: o) }
            var i = prefixEnd
            var pendingSpace = false
            while i < end {
                let c = b[i]
                if isPlain(c) {
                    if pendingSpace {
                        out[o] = 0x20
                        o += 1
                        pendingSpace = false
                    }
                    // The run of plain bytes and single spaces up to the next whitespace run.
                    let runStart = i
                    i += 1
                    while i < end {
                        // Eight bytes at a time: plain bytes and single spaces (as in the fast path).
                        if i + 8 <= end && isPlainWithSingleSpaces(b, i) {
                            i += 8
                            continue
                        }
                        if isPlain(b[i]) {
                            i += 1
                        } else if b[i] == 0x20 && i + 1 < end && b[i - 1] != 0x20 && isPlain(b[i + 1]) {
                            i += 2
                        } else {
                            break
                        }
                    }
                    // A word step may end on a space that the next whitespace run would double.
                    while b[i - 1] == 0x20 { i -= 1 }
                    let count = i - runStart
                    (out.baseAddress! + o).initialize(from: b.baseAddress! + runStart, count: count)
                    o += count
                    continue
                }
                let n = spaceLength(b, i)
                if n > 0 {
                    pendingSpace = o > 0
                    i += n
                    continue
                }
                if pendingSpace {
                    out[o] = 0x20
                    o += 1
                    pendingSpace = false
                }
                if c < 0x20 || c == 0x7F {
                    guard controlsLeft > 0 else {
                        sawControl = true
                        return 0
                    }
                    controlsLeft -= 1
                    out[o] = 0xEF
                    out[o + 1] = 0xBF
                    out[o + 2] = 0xBD
                    o += 3
                } else {
                    // The lead byte of a character that is not a space ("§" is C2 A7).
                    out[o] = c
                    o += 1
                }
                i += 1
            }
            return o
        }()
        return sawControl ? nil : text
    }

    /// Whether the eight bytes at `i` (`i` ≥ 1) are plain or single spaces: no control byte, no lead
    /// byte of a Unicode space, no two spaces in a row, nor a space right after a space at `i - 1`.
    @inline(__always)
    static func isPlainWithSingleSpaces(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let word = load8(b, i)
        // Printable ASCII, most words, in one test: no byte below 0x20, none at 0x7F or above.
        let printable = ((word &- ones &* 0x20) & ~word | (word &+ ones) | word) & highs == 0
        guard
            printable
                || !hasByteBelow(word, 0x20) && !hasByte(word, 0x7F) && !hasByte(word, 0xC2) && !hasByte(word, 0xE2)
                    && !hasByte(word, 0xE3) && !hasByte(word, 0xEF)
        else { return false }
        let spaces = zeroByteMask(word ^ (ones &* 0x20))
        return spaces & (spaces << 8) == 0 && !(spaces & 0x80 != 0 && b[i - 1] == 0x20)
    }

    /// Whether the byte at `i` is plain, or the lead byte of a character that is not a space ("§", "–").
    @inline(__always)
    static func startsPlainCharacter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        return isPlain(c) || (c >= 0x80 && spaceLength(b, i) == 0)
    }

    /// A byte that is neither whitespace nor control nor the lead byte of a Unicode space.
    @inline(__always)
    static func isPlain(_ c: UInt8) -> Bool {
        (c > 0x20 && c < 0x7F) || (c >= 0x80 && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF)
    }

    /// ``normalized(_:_:_:)`` over a whole string.
    public static func normalized(_ string: String) -> String {
        var s = string
        return s.withUTF8 { normalized($0, 0, $0.count) }
    }
}

// MARK: Word-at-a-time scanning

extension Bytes {
    /// The offset of the first `byte` in `[from, to)`, or `to` when there is none (memchr: many bytes
    /// per step).
    @inline(__always)
    static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = b.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

/// Eight bytes at a time ("SWAR"): tests that tell whether a 64-bit word holds a byte of interest, so
/// that the scanning loops skip ordinary text eight bytes per step. Each test is exact about
/// existence; the loops then look at the word byte by byte.
extension Bytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `i` (the caller guarantees `i + 8 <= b.count`).
    @inline(__always)
    static func load8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `x` that is zero (exact, unlike ``hasZeroByte(_:)``'s borrow trick).
    @inline(__always)
    static func zeroByteMask(_ x: UInt64) -> UInt64 {
        let low7 = ~highs
        return ~(((x & low7) &+ low7) | x) & highs
    }

    /// Whether some byte of `x` is zero.
    @inline(__always)
    static func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }

    /// Whether some byte of `x` equals `v`.
    @inline(__always)
    static func hasByte(_ x: UInt64, _ v: UInt8) -> Bool { hasZeroByte(x ^ (ones &* UInt64(v))) }

    /// Whether some byte of `x` is below `n` (`n` ≤ 128).
    @inline(__always)
    static func hasByteBelow(_ x: UInt64, _ n: UInt8) -> Bool { (x &- ones &* UInt64(n)) & ~x & highs != 0 }
}
