import Foundation
import Paragraf

/// Splits source text into ``Token``s, byte-wise, keeping each token's offsets.
///
/// Whitespace is whatever ``Bytes/spaceLength(_:_:)`` says (including U+00A0). A word runs over letters,
/// digits, non-ASCII bytes and inner hyphens; a number over digits with inner "." or "," between digits
/// ("1.420", "4,5"). Everything else is a one-character punctuation token. A run of more than 64 KiB
/// without a break is cut into tokens of at most 64 KiB.
public enum Tokenizer {
    /// The tokens of `source[range]`.
    /// - Complexity: O(range length).
    public static func tokens(_ source: SourceText, _ range: Range<Int>) -> [Token] {
        var result: [Token] = []
        source.bytes.withUnsafeBufferPointer { b in
            scan(b, range) { kind, start, end in
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                result.append(Token(kind: kind, text: text, key: foldKey(text), offsets: start..<end))
            }
        }
        return result
    }

    /// Calls `body` with the kind and byte bounds of every token of `b[range]`, in order: the one
    /// definition of token boundaries, shared by ``tokens(_:_:)`` and the diff's flat token tables.
    @inline(__always)
    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Token.Kind, Int, Int) -> Void) {
        let end = min(range.upperBound, b.count)
        var i = max(0, range.lowerBound)
        while i < end {
            let space = Bytes.spaceLength(b, i)
            if space > 0 {
                i += space
                continue
            }
            let start = i
            let c = b[i]
            var kind: Token.Kind
            if Bytes.isDigit(c) {
                kind = .number
                i += 1
                while i < end {
                    if Bytes.isDigit(b[i]) {
                        i += 1
                    } else if b[i] == 0x2E, isGroup(b, i + 1, end) {
                        i += 4  // "1.420": a thousands group
                    } else if b[i] == 0x2C, i + 1 < end, Bytes.isDigit(b[i + 1]) {
                        i += 2  // "4,5": a decimal comma
                    } else {
                        break
                    }
                }
                // "4a", "20-25" stay numbers; letters glued to digits make a word ("4a").
                if i < end, isWordByte(b, i) && !Bytes.isDigit(b[i]) && b[i] != 0x2D {
                    kind = .word
                    while i < end, isWordByte(b, i) { i += 1 }
                }
            } else if isWordByte(b, i) {
                kind = .word
                while i < end {
                    // ASCII letters and digits (most bytes of a word) eight at a time. Measured: 48 M of 3 537 M
                    // instructions (1.4 %) of
                    // `paragraf-bench once diff` at ×100 (every byte of both versions is scanned here).
                    if i &+ 8 <= b.count, let base = b.baseAddress {
                        let run = asciiWordRun(base + i)
                        i &+= run
                        if run == 8 { continue }
                        if i >= end { break }
                    }
                    let c = b[i]
                    if (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 {
                        i &+= 1
                    } else if c >= 0x80 {
                        guard isWordByte(b, i) else { break }
                        i += scalarLength(c)
                    } else if c == 0x2D, i + 1 < end, isWordByte(b, i + 1) {
                        i += 1  // inner hyphen: "tand-", "kæbe-regionen"
                    } else {
                        break
                    }
                }
                // A trailing hyphen belongs to the word ("børne-" in "børne- og ungdomstandpleje").
                if i < end, b[i] == 0x2D { i += 1 }
            } else {
                kind = .punctuation
                i += scalarLength(c)
            }
            i = min(i, end)
            // A run longer than any word (hostile input: megabytes without a space) is cut into pieces of at
            // most `maxTokenLength` bytes, on character boundaries, so that token lengths stay small.
            var piece = start
            while i - piece > maxTokenLength {
                var cut = piece + maxTokenLength
                while cut > piece + 1, b[cut] & 0xC0 == 0x80 { cut -= 1 }
                body(kind, piece, cut)
                piece = cut
            }
            body(kind, piece, i)
        }
    }

    /// The number of ASCII letters and digits the eight bytes at `p` start with (0...8), read as one
    /// little-endian word: a byte's high bit after adding `0x80 - low` says it is at least `low`, after
    /// adding `0x7F - high` that it is past `high` (bytes are masked to seven bits first, so no addition
    /// carries into the next byte; bytes that had the high bit are no letters).
    @inline(__always)
    static func asciiWordRun(_ p: UnsafePointer<UInt8>) -> Int {
        let w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = w & ~high
        let lower = x | (ones &* 0x20)
        let letter = (lower &+ ones &* 0x1F) & ~(lower &+ ones &* 0x05)
        let digit = (x &+ ones &* 0x50) & ~(x &+ ones &* 0x46)
        let stop = (~(letter | digit) | w) & high
        return stop.trailingZeroBitCount >> 3
    }

    /// The longest token in bytes; longer runs are cut (no word of a regulation comes near it).
    static let maxTokenLength = 1 << 16

    /// Whether the digits at `i` form a thousands group: exactly three digits, then no digit.
    private static func isGroup(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i + 2 < end, Bytes.isDigit(b[i]), Bytes.isDigit(b[i + 1]), Bytes.isDigit(b[i + 2]) else { return false }
        return i + 3 >= end || !Bytes.isDigit(b[i + 3])
    }

    @inline(__always)
    private static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if Bytes.isASCIILetter(c) || Bytes.isDigit(c) { return true }
        if c < 0x80 { return false }
        // Non-ASCII: letters (æ, ø, å, é …) count; known punctuation and spaces do not.
        if c == 0xC2 { return false }  // NBSP, §, «, » …
        if c == 0xE2 { return false }  // dashes, curly quotes, non-breaking hyphen
        if c == 0xEF { return false }  // BOM, replacement character
        return c >= 0xC3 || (c >= 0x80 && c < 0xC0)
    }

    @inline(__always)
    private static func scalarLength(_ c: UInt8) -> Int {
        if c < 0x80 { return 1 }
        if c >= 0xF0 { return 4 }
        if c >= 0xE0 { return 3 }
        if c >= 0xC0 { return 2 }
        return 1
    }

    /// The comparison key of a token's text: lower-cased, U+2011 folded to "-".
    public static func foldKey(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{2011}", with: "-")
    }
}
