/// A chapter number as the scorer compares it: "Kapitel 4 A", "4a", "4 a" and "IV" in one form ("4 a", "4").
struct ChapterNumber: Hashable, CustomStringConvertible {
    var value: Int
    var letter: String
    /// The number as a heading writes it: "4 a", "4 A", "IV", "IV A".
    var display: String

    var description: String { letter.isEmpty ? String(value) : "\(value) \(letter.lowercased())" }

    /// Reads a dataset field or a node number; nil for text that is no chapter number ("kapitel").
    init?(_ text: String) {
        let chars = Array(text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "." })
        var i = 0
        var value = 0
        var written = ""
        while i < chars.count, chars[i].isASCII, let d = chars[i].wholeNumberValue, i < 6 {
            value = value * 10 + d
            i += 1
        }
        if i > 0 {
            written = String(chars[0..<i])
        } else {
            while i < chars.count, "IVXLC".contains(chars[i]) { i += 1 }
            guard i > 0, let roman = Self.roman(String(chars[0..<i])) else { return nil }
            value = roman
            written = String(chars[0..<i])
        }
        let rest = String(chars[i...])
        guard rest.count <= 1, rest.allSatisfy({ $0.isLetter }), value > 0 else { return nil }
        self.value = value
        self.letter = rest
        let space = text.contains("\u{A0}") ? "\u{A0}" : " "
        display = rest.isEmpty ? written : written + space + rest
    }

    static func roman(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0
        var previous = 0
        for c in text.reversed() {
            guard let v = values[c] else { return nil }
            if v < previous {
                total -= v
            } else {
                total += v
                previous = v
            }
        }
        return total
    }
}
