/// Reads raw input bytes as UTF-8: valid UTF-8 passes through unchanged (so ranges index the raw
/// file); bytes that are not valid UTF-8 are decoded as Windows-1252, which covers ISO-8859-1 for
/// every printable character, and re-encoded as UTF-8.
enum InputDecoder {
    struct Result {
        var bytes: [UInt8]
        var encoding: SourceEncoding
        /// Offsets (in the original input) of the first few bytes that were not UTF-8.
        var firstInvalidOffset: Int?
        var invalidCount: Int
        var validMultibyteCount: Int
        /// Control bytes other than whitespace in `bytes`, and the offset of the first (-1 if none),
        /// counted in the decoding pass.
        var controls: (count: Int, first: Int)
    }

    /// Whether `c` is a control byte that is not whitespace (tab, line feed, VT, FF, CR).
    @inline(__always)
    static func isControl(_ c: UInt8) -> Bool {
        (c < 0x20 || c == 0x7F) && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0B && c != 0x0C
    }

    /// Windows-1252 code points for 0x80...0x9F; undefined slots map to the C1 control itself.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none.
    @inline(__always)
    static func validSequenceLength(_ b: Span<UInt8>, _ i: Int) -> Int {
        let c0 = b[i]
        if c0 < 0x80 { return 1 }
        let n = b.count
        func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        switch c0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    static func decode(_ input: [UInt8]) -> Result {
        // The buffer serves the eight-bytes-a-step scan (``Bytes/load8(_:_:)``) that passes valid UTF-8
        // without looking at each byte, as in ``Bytes/normalized(_:_:_:)`` (17.8 % of a parse there).
        input.withUnsafeBufferPointer { b in
            // Each multi-byte sequence is checked through the span (bounds-checked).
            let span = input.span
            var i = 0
            var invalid = 0
            var multibyte = 0
            var firstInvalid: Int?
            var controls = 0
            var firstControl = -1
            while i < b.count {
                // Printable ASCII eight bytes at a time (the parser's control-byte check is this pass too).
                if i + 8 <= b.count {
                    let word = Bytes.load8(b, i)
                    if !Bytes.hasByte(word, 0x7F) {
                        // ASCII bytes below 0x20 other than tab, line feed and carriage return (exact per
                        // byte): wrapped texts have a line feed in most words.
                        var low = ~((word | Bytes.highs) &- Bytes.ones &* 0x20) & Bytes.highs & ~word
                        if low != 0 {
                            let whitespace =
                                Bytes.zeroByteMask(word ^ (Bytes.ones &* 0x0A)) | Bytes.zeroByteMask(word ^ (Bytes.ones &* 0x0D))
                                | Bytes.zeroByteMask(word ^ (Bytes.ones &* 0x09))
                            low &= ~whitespace
                        }
                        let high = word & Bytes.highs
                        if high == 0 && low == 0 {
                            i += 8
                            continue
                        }
                        // Danish text has a multi-byte letter every few words: step over the ASCII bytes
                        // before the first one (when they hold no control byte) and read it, instead of
                        // going byte by byte to it.
                        let ascii = high.trailingZeroBitCount / 8
                        if ascii < 8, low & ((1 << (UInt64(ascii) * 8)) &- 1) == 0 {
                            let k = i + ascii
                            let length = validSequenceLength(span, k)
                            if length > 0 {
                                multibyte += 1
                                i = k + length
                                continue
                            }
                        }
                    }
                }
                let c = b[i]
                if c < 0x80 {
                    if isControl(c) {
                        controls += 1
                        if firstControl < 0 { firstControl = i }
                    }
                    i += 1
                    continue
                }
                let length = validSequenceLength(span, i)
                if length == 0 {
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = i }
                    i += 1
                } else {
                    multibyte += 1
                    i += length
                }
            }
            let hasBOM = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
            if invalid == 0 {
                return Result(
                    bytes: input, encoding: hasBOM ? .utf8BOM : .utf8, firstInvalidOffset: nil, invalidCount: 0,
                    validMultibyteCount: multibyte, controls: (controls, firstControl))
            }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + invalid)
            // Transcoding moves offsets: count the control bytes again where they land in `out`.
            controls = 0
            firstControl = -1
            i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    if isControl(c) {
                        controls += 1
                        if firstControl < 0 { firstControl = out.count }
                    }
                    out.append(c)
                    i += 1
                    continue
                }
                let length = validSequenceLength(span, i)
                if length > 0 {
                    out.append(contentsOf: b[i..<(i + length)])
                    i += length
                } else {
                    let scalar = c < 0xA0 ? cp1252High[Int(c) - 0x80] : UInt32(c)
                    appendScalar(scalar, to: &out)
                    i += 1
                }
            }
            return Result(
                bytes: out, encoding: multibyte > invalid ? .mixed : .windows1252, firstInvalidOffset: firstInvalid,
                invalidCount: invalid, validMultibyteCount: multibyte, controls: (controls, firstControl))
        }
    }
}
