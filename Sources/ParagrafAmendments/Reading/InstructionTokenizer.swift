import Paragraf

/// Splits an instruction's text into tokens; quotations (» … «, nested ones kept inside) are single tokens.
///
/// An unclosed » runs to the end of the text (`A005`); a « with no » open is skipped (`A006`). Linear in the
/// text.
struct InstructionTokenizer {
    /// The problems found, as offsets into the text.
    enum Problem {
        case unclosed(Int)
        case strayClose(Int)
    }

    static func tokenize(_ b: [UInt8]) -> (tokens: [InstructionToken], problems: [Problem]) {
        var tokens: [InstructionToken] = []
        var problems: [Problem] = []
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C {
                i += 1
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 || b[i + 1] == 0xAD {  // NBSP, soft hyphen
                i += 2
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xBB {  // »
                let (end, contentEnd, closed) = quoteEnd(b, from: i + 2)
                if !closed { problems.append(.unclosed(i)) }
                let content = Bytes.normalized(String(decoding: b[(i + 2)..<contentEnd], as: UTF8.self))
                tokens.append(InstructionToken(kind: .quote, text: content, range: i..<end))
                i = end
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xAB {  // « with nothing open
                problems.append(.strayClose(i))
                i += 2
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xA7 {  // §
                var end = i + 2
                var text = "§"
                var k = end
                while k < n, b[k] == 0x20 { k += 1 }
                if k + 1 < n, b[k] == 0xC2, b[k + 1] == 0xA7, k == end {
                    end = k + 2
                    text = "§§"
                }
                tokens.append(InstructionToken(kind: .section, text: text, range: i..<end))
                i = end
                continue
            }
            if c >= 0x30 && c <= 0x39 {
                var end = i
                while end < n, b[end] >= 0x30 && b[end] <= 0x39 { end += 1 }
                tokens.append(InstructionToken(kind: .number, text: String(decoding: b[i..<end], as: UTF8.self), range: i..<end))
                i = end
                continue
            }
            if let length = letterLength(b, i) {
                var end = i + length
                while end < n, let l = letterLength(b, end) { end += l }
                let raw = String(decoding: b[i..<end], as: UTF8.self)
                let lower = raw.lowercased()
                tokens.append(
                    InstructionToken(kind: .word, text: lower, range: i..<end, capitalized: lower != raw && raw.first?.isUppercase == true))
                i = end
                continue
            }
            // Any other character: one sign (a whole UTF-8 sequence, so "–" stays one token).
            var end = i + 1
            while end < n, b[end] & 0xC0 == 0x80 { end += 1 }
            let sign = String(decoding: b[i..<end], as: UTF8.self)
            tokens.append(InstructionToken(kind: .sign, text: sign == "–" || sign == "‑" ? "-" : sign, range: i..<end))
            i = end
        }
        return (tokens, problems)
    }

    /// The end of the quotation whose content starts at `from`: (end after «, end of content, closed).
    private static func quoteEnd(_ b: [UInt8], from: Int) -> (Int, Int, Bool) {
        var depth = 1
        var i = from
        while i + 1 < b.count {
            if b[i] == 0xC2 && b[i + 1] == 0xBB {
                depth += 1
                i += 2
            } else if b[i] == 0xC2 && b[i + 1] == 0xAB {
                depth -= 1
                if depth == 0 { return (i + 2, i, true) }
                i += 2
            } else {
                i += 1
            }
        }
        return (b.count, b.count, false)
    }

    /// The length of the letter at `i` (ASCII or a two-byte Latin letter such as æ, ø, å, é), or nil.
    static func letterLength(_ b: [UInt8], _ i: Int) -> Int? {
        let c = b[i]
        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { return 1 }
        if c == 0xC3, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] <= 0xBF, b[i + 1] != 0x97, b[i + 1] != 0xB7 { return 2 }
        return nil
    }
}
