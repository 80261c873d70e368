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
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x41 && byte <= 0x5A {
                    out.append(byte | 0x20)
                    i += 1
                } else if byte == 0xC3, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
                    out.append(contentsOf: latin1[Int(bytes[i + 1] - 0x80)])
                    i += 2
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The folded UTF-8 of U+00C0…U+00FF (the second byte after C3 is 0x80…0xBF).
    private static let latin1: [[UInt8]] = {
        let æ: [UInt8] = [0xC3, 0xA6]
        let ø: [UInt8] = [0xC3, 0xB8]
        let å: [UInt8] = [0xC3, 0xA5]
        func a(_ s: String) -> [UInt8] { Array(s.utf8) }
        var table: [[UInt8]] = []
        for second in 0x80...0xBF {
            let scalar = 0xC0 + (second - 0x80)
            let lower = scalar < 0xE0 && scalar != 0xD7 && scalar != 0xDF ? scalar + 0x20 : scalar
            switch lower {
            case 0xE0, 0xE1, 0xE2, 0xE3: table.append(a("a"))
            case 0xE4, 0xE6: table.append(æ)
            case 0xE5: table.append(å)
            case 0xE7: table.append(a("c"))
            case 0xE8, 0xE9, 0xEA, 0xEB: table.append(a("e"))
            case 0xEC, 0xED, 0xEE, 0xEF: table.append(a("i"))
            case 0xF0: table.append(a("d"))
            case 0xF1: table.append(a("n"))
            case 0xF2, 0xF3, 0xF4, 0xF5: table.append(a("o"))
            case 0xF6, 0xF8: table.append(ø)
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
        var result: [(word: String, range: Range<Int>)] = []
        var start: Int?
        var offset = 0
        var current = ""
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            if isWord {
                if start == nil {
                    start = offset
                    current = ""
                }
                current.unicodeScalars.append(scalar)
            } else if let s = start {
                result.append((fold(current).lowercased(), s..<offset))
                start = nil
            }
            offset += length
        }
        if let s = start { result.append((fold(current).lowercased(), s..<offset)) }
        return result
    }
}
