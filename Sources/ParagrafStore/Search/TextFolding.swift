/// The folding that makes search Danish-aware: case is folded, accents are dropped, and æ, ø, å stay letters
/// of their own (as the Danish alphabet has them) instead of becoming a, o, a.
///
/// | written | folded |
/// |---|---|
/// | A–Z, Æ, Ø, Å | a–z, æ, ø, å |
/// | ä, ö, ü (and Ä, Ö, Ü) | æ, ø, y — as Danish collation treats them |
/// | é, è, ê, ë, á, à, â, ã, í, ó, ú, ñ, ç, ý, ÿ … | e, a, i, o, u, n, c, y |
/// | ß | ss |
///
/// Both the indexed text and the query are folded this way, so "TANDPLEJE", "tandpleje" and "Tandpleje" match,
/// "idé" matches "ide", and "år" never matches "ar". The old spelling "aa" for "å" is not folded (it would
/// join words that differ).
public enum TextFolding {
    /// The folded form of `text`: every byte of ASCII and Latin-1 letters mapped, anything else kept.
    /// - Complexity: O(n) in the UTF-8 length.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Fast path: nothing to fold.
            var needs = false
            for byte in bytes where (byte >= 0x41 && byte <= 0x5A) || byte == 0xC3 {
                needs = true
                break
            }
            if !needs { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: foldBytes(bytes), as: UTF8.self)
        }
    }

    /// The folded UTF-8 of U+00C0…U+00FF (the second byte after C3 is 0x80…0xBF).
    private static let latin1: [[UInt8]] = {
        let ae: [UInt8] = [0xC3, 0xA6]  // æ
        let oe: [UInt8] = [0xC3, 0xB8]  // ø
        let aa: [UInt8] = [0xC3, 0xA5]  // å
        func a(_ s: String) -> [UInt8] { Array(s.utf8) }
        var table: [[UInt8]] = []
        for second in 0x80...0xBF {
            let scalar = 0xC0 + (second - 0x80)
            let lower = scalar < 0xE0 && scalar != 0xD7 && scalar != 0xDF ? scalar + 0x20 : scalar
            switch lower {
            case 0xE0, 0xE1, 0xE2, 0xE3: table.append(a("a"))
            case 0xE4, 0xE6: table.append(ae)
            case 0xE5: table.append(aa)
            case 0xE7: table.append(a("c"))
            case 0xE8, 0xE9, 0xEA, 0xEB: table.append(a("e"))
            case 0xEC, 0xED, 0xEE, 0xEF: table.append(a("i"))
            case 0xF0: table.append(a("d"))
            case 0xF1: table.append(a("n"))
            case 0xF2, 0xF3, 0xF4, 0xF5: table.append(a("o"))
            case 0xF6, 0xF8: table.append(oe)
            case 0xF9, 0xFA, 0xFB: table.append(a("u"))
            case 0xFC, 0xFD, 0xFF: table.append(a("y"))
            case 0xDF: table.append(a("ss"))
            default: table.append(Array(String(UnicodeScalar(UInt8(lower))).utf8))
            }
        }
        return table
    }()

    /// The words of `text` as the index splits them (runs of letters and digits), each folded, with their
    /// UTF-8 byte ranges in `text`.
    public static func words(_ text: String) -> [(word: String, range: Range<Int>)] {
        wordRanges(Array(text.utf8)).map { range in
            (String(decoding: foldBytes(Array(text.utf8)[range]), as: UTF8.self), range)
        }
    }

    /// The byte ranges of the words of UTF-8 `bytes`: ASCII letters and digits, and any scalar above ASCII that
    /// is a letter, a digit or a combining mark (what the index's unicode61 tokenizer keeps).
    /// - Complexity: O(n), with no allocation per word.
    static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            var length = 1
            let isWord: Bool
            if c < 0x80 {
                isWord = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            } else {
                length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                var scalar = UInt32(c) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                if length > 1, i + length <= n {
                    for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
                } else {
                    length = 1
                }
                if let unicode = Unicode.Scalar(scalar), length > 1 {
                    let properties = unicode.properties
                    isWord = properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                } else {
                    isWord = false
                }
            }
            if isWord {
                if start == nil { start = i }
            } else if let s = start {
                ranges.append(s..<i)
                start = nil
            }
            i += length
        }
        if let s = start { ranges.append(s..<n) }
        return ranges
    }

    /// The folded bytes of UTF-8 `bytes` (as ``fold(_:)``), lower case.
    static func foldBytes<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> [UInt8] where Bytes.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A {
                out.append(byte | 0x20)
                i += 1
            } else if byte == 0xC3, i + 1 < bytes.endIndex, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
                out.append(contentsOf: latin1[Int(bytes[i + 1] - 0x80)])
                i += 2
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }
}
