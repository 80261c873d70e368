/// Decodes the raw contents of a JSON string into UTF-8 bytes, remembering where each decoded byte came from.
///
/// Escapes (`\n`, `\"`, `\u00e6`, surrogate pairs) are decoded; invalid UTF-8 and lone surrogates become
/// U+FFFD (and are counted, so the reader can say so). ``DecodedString/rawOffset(_:)`` maps a decoded byte
/// offset back to the raw byte where its source starts, so that a range in the decoded text becomes a range
/// of the file.
struct JSONStringDecoder {
    /// A decoded string and the map back to its raw bytes.
    struct DecodedString: Sendable {
        /// The decoded UTF-8 bytes.
        var bytes: [UInt8]
        /// Where the raw contents start in the file.
        var rawStart: Int
        /// Where they end (the closing quote).
        var rawEnd: Int
        /// Per decoded byte, its raw offset; nil when the decoded bytes are the raw bytes (no escape, no repair).
        var map: [Int]?
        /// Bytes that were not valid UTF-8 (or lone surrogates), replaced by U+FFFD.
        var repaired = 0
        /// The raw offset of the first repair, if any.
        var firstRepair: Int?

        /// The raw offset of decoded offset `k` (`bytes.count` maps to the closing quote). A range `[s, e)` of
        /// whole characters maps to `[rawOffset(s), rawOffset(e))`.
        func rawOffset(_ k: Int) -> Int {
            let k = max(0, min(k, bytes.count))
            guard let map else { return rawStart + k }
            return k == bytes.count ? rawEnd : map[k]
        }
    }

    /// Decodes the raw contents `range` of a string in `b`.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> DecodedString {
        // Most strings have no escape and are valid UTF-8: their decoded bytes are their raw bytes, copied at once
        // (the byte-by-byte path below, with its offset map, was an eighth of a corpus import).
        if isPlain(b, range) {
            return DecodedString(
                bytes: Array(UnsafeBufferPointer(rebasing: b[range])), rawStart: range.lowerBound, rawEnd: range.upperBound,
                map: nil)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var map: [Int] = []
        var needsMap = false
        var repaired = 0
        var firstRepair: Int?
        var i = range.lowerBound
        let end = range.upperBound

        func emit(_ bytes: some Sequence<UInt8>, from raw: Int) {
            for x in bytes {
                out.append(x)
                map.append(raw)
            }
        }
        func replacement(at raw: Int) {
            repaired += 1
            if firstRepair == nil { firstRepair = raw }
            emit([0xEF, 0xBF, 0xBD], from: raw)
            needsMap = true
        }

        while i < end {
            let c = b[i]
            if c == 0x5C {
                needsMap = true
                let at = i
                guard i + 1 < end else {
                    replacement(at: at)
                    i = end
                    break
                }
                let e = b[i + 1]
                i += 2
                switch e {
                case 0x22, 0x5C, 0x2F: emit([e], from: at)
                case 0x62: emit([0x08], from: at)
                case 0x66: emit([0x0C], from: at)
                case 0x6E: emit([0x0A], from: at)
                case 0x72: emit([0x0D], from: at)
                case 0x74: emit([0x09], from: at)
                case 0x75:
                    guard var scalar = hex4(b, i, end) else {
                        replacement(at: at)
                        continue
                    }
                    i += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate needs its low half: "\ud83d\ude00".
                        if i + 6 <= end, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(b, i + 2, end),
                            (0xDC00...0xDFFF).contains(low)
                        {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        } else {
                            replacement(at: at)
                            continue
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        replacement(at: at)
                        continue
                    }
                    emit(Array(String(Character(Unicode.Scalar(scalar)!)).utf8), from: at)
                default:
                    replacement(at: at)
                }
                continue
            }
            if c < 0x80 {
                emit([c], from: i)
                i += 1
                continue
            }
            let n = validLength(b, i, end)
            if n == 0 {
                replacement(at: i)
                i += 1
                continue
            }
            for k in 0..<n { emit([b[i + k]], from: i + k) }
            i += n
        }
        return DecodedString(
            bytes: out, rawStart: range.lowerBound, rawEnd: range.upperBound, map: needsMap ? map : nil,
            repaired: repaired, firstRepair: firstRepair)
    }

    /// Whether `range` has no escape and is valid UTF-8, so that decoding would copy it unchanged.
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if c < 0x80 {
                if c == 0x5C { return false }
                i += 1
                continue
            }
            let n = validLength(b, i, end)
            if n == 0 { return false }
            i += n
        }
        return true
    }

    /// The decoded text of a string (keys, metadata values).
    static func decodeString(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: decode(b, range).bytes, as: UTF8.self)
    }

    /// Four hex digits at `i` as a number.
    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// The length of the valid UTF-8 sequence at `i` (2-4), or 0.
    private static func validLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        let n: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: n = 2
        case 0xE0:
            n = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED:
            n = 3
            high = 0x9F
        case 0xF0:
            n = 4
            low = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4:
            n = 4
            high = 0x8F
        default: return 0
        }
        guard i + n <= end else { return 0 }
        guard b[i + 1] >= low && b[i + 1] <= high else { return 0 }
        for k in 2..<n where b[i + k] < 0x80 || b[i + k] > 0xBF { return 0 }
        return n
    }
}
