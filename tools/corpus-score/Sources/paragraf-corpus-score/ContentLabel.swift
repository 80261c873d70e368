/// The § label a provision's text opens with ("§ 7 B.", "§§ 28-30.", "»§ 64.", "§ 53 Fiskefonden …"), read by
/// the scorer itself, independently of the parser.
struct ContentLabel {
    /// The first number and its letter as written (case kept).
    var value: Int
    var letter: String
    /// Whether the label is followed by a period ("§ 4 a." rather than "§ 4 a Bekendtgørelsen …").
    var hasPeriod: Bool
    /// The second end of a range or list ("§§ 28-30.", "§ 8 b.- § 9.", "§§ 168 og 169"), as a dataset field
    /// would write it ("30", "9", "169"); with `separator` "-" or "og".
    var second: String?
    var separator: String?

    init?(_ content: String) {
        var s = Substring(content)
        func skip(_ characters: String) {
            while let c = s.first, characters.contains(c) { s = s.dropFirst() }
        }
        let spaces = " \u{A0}\u{200C}\t"
        skip(spaces + "»")
        guard s.first == "§" else { return nil }
        skip(spaces + "§")  // "§§", and "§ § 12." as some texts write it
        guard let (value, _) = Self.number(&s) else { return nil }
        self.value = value
        // A letter counts only when a period, comma, "(", a dash or the end follows it: "§ 6 I medfør af" is § 6.
        letter = Self.letter(&s)
        let rest = s.drop(while: { spaces.contains($0) })
        hasPeriod = rest.first == "."
        // A range or list: "-", "–", "og" or "," and a second number (or only a letter: "§§ 62 a-b.").
        var t = rest.drop(while: { $0 == "." || spaces.contains($0) })
        var separator: String?
        if let c = t.first, c == "-" || c == "–" || c == "—" {
            separator = "-"
            t = t.dropFirst()
        } else if t.hasPrefix("og ") {
            separator = "og"
            t = t.dropFirst(3)
        }
        if let separator {
            t = t.drop(while: { $0 == "§" || spaces.contains($0) })
            var secondText = ""
            if let (v, _) = Self.number(&t) { secondText = String(v) }
            secondText += Self.letter(&t)
            if !secondText.isEmpty {
                second = secondText
                self.separator = separator
            }
        }
    }

    /// Up to seven ASCII digits.
    static func number(_ s: inout Substring) -> (Int, Int)? {
        var value = 0
        var digits = 0
        while let c = s.first, c.isASCII, let d = c.wholeNumberValue, digits < 7 {
            value = value * 10 + d
            digits += 1
            s = s.dropFirst()
        }
        return digits > 0 ? (value, digits) : nil
    }

    /// One or two letters after a number ("4 a", "7B", "343 ab"), when what follows ends the label.
    static func letter(_ s: inout Substring) -> String {
        var t = s.drop(while: { $0 == " " || $0 == "\u{A0}" })
        var letters = ""
        while let c = t.first, c.isLetter, letters.count < 3 {
            letters.append(c)
            t = t.dropFirst()
        }
        let next = t.drop(while: { $0 == " " || $0 == "\u{A0}" }).first
        // "§ 2 a Fødevarestyrelsen …": a lower-case letter other than "i" and "o" (words) before a word.
        let plain =
            letters.count == 1 && letters.first!.isASCII && letters.first!.isLowercase && letters != "i" && letters != "o"
            && t.first == " "
        guard !letters.isEmpty, letters.count <= 2,
            next == nil || next == "." || next == "," || next == "(" || next == "-" || next == "–" || next == "—" || plain
        else { return "" }
        s = t
        return letters
    }

    /// The key of the label's first §.
    var key: SectionKey { SectionKey(value: value, suffix: letter.lowercased()) }

    /// The §§ the label names, expanded as a dataset field is.
    var keys: [SectionKey] {
        guard let second, let separator else { return [key] }
        return SectionKey.expand(field: "\(value)\(letter)\(separator)\(second)").keys
    }

    /// Whether the letter is written as a capital ("§ 7 B.").
    var isCapital: Bool { letter.contains { $0.isUppercase } }
}
