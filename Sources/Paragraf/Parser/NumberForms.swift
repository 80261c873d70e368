/// Chapter and § numbers in the one form both readers (the text parser and the LexDania importer) give them
/// (issue 14): "Kapitel 4 A", "Kapitel 4 a", "Kapitel 4\u{A0}a" and "4 a. kapitel" are chapter "4 a"; "Kapitel IV"
/// and "4. kapitel" chapter "4"; "§ 7 B." § "7 b"; and a range or list of §§ names each § it spans.
package enum NumberForms {
    /// The letters a § or a chapter may carry, in order (the Danish alphabet).
    package static let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyzæøå")

    /// The position of each letter in ``letters`` (an unknown letter sorts last).
    static func letterRanks(_ letter: String) -> [Int] {
        letter.map { letters.firstIndex(of: $0) ?? letters.count }
    }

    /// Every § from `first` to `last`. A list ("§§ 168 og 169") is the two; a range runs through every number
    /// and, where an end has a letter, through the letters of that end's number: "52 b-52 d" is 52 b, 52 c,
    /// 52 d; "21 a-23" is 21 a, 22, 23; "1-23 g" is 1 … 23, 23 a … 23 g. A range that runs backwards, spans
    /// more than 1 000 numbers or ends in two letters is its two ends.
    package static func sections(from first: LetteredNumber, to last: LetteredNumber, isList: Bool) -> [LetteredNumber] {
        guard !isList, first < last, last.value - first.value <= 1000 else { return [first, last] }
        var result = [first]
        func letters(of value: Int, after start: String, through end: String) {
            guard end.count == 1, start.count <= 1, let to = Self.letters.firstIndex(of: end.first!) else { return }
            let from = start.isEmpty ? 0 : (Self.letters.firstIndex(of: start.first!) ?? to) + 1
            guard from <= to else { return }
            for i in from...to { result.append(LetteredNumber(value: value, letter: String(Self.letters[i]))) }
        }
        if first.value == last.value {
            letters(of: first.value, after: first.letter, through: last.letter)
            if result.count == 1 { return [first, last] }
            return result
        }
        for value in (first.value + 1)...last.value { result.append(LetteredNumber(value: value)) }
        if !last.letter.isEmpty {
            let before = result.count
            letters(of: last.value, after: "", through: last.letter)
            if result.count == before { result.append(last) }
        }
        return result
    }

    // MARK: Chapters

    /// A chapter's number from its label or its number as written: "Kapitel 4 A", "KAPITEL 4a", "Kapitel IV",
    /// "1. kapitel", "5 a. kapitel", "4 a", "IV" → (4, "4 a"), (4, "4"), (1, "1") …; nil for anything else.
    package static func chapter(_ text: String) -> (value: Int, number: String)? {
        var s = Substring(text.replacingOccurrences(of: "\u{A0}", with: " "))
        func trim() { s = s.drop { $0 == " " || $0 == "\t" } }
        func dropWord() -> Bool {
            guard s.count >= 7, s.prefix(7).lowercased() == "kapitel" else { return false }
            s = s.dropFirst(7)
            return true
        }
        trim()
        let leadingWord = dropWord()
        trim()
        guard let (value, roman) = chapterValue(&s) else { return nil }
        // "4 A", "4a", "IV A": one letter, then the end, a period or (after "N a.") the word "kapitel".
        var letter = ""
        var rest = s.drop { $0 == " " }
        if let c = rest.first, c.isLetter, !(roman && "IVXLC".contains(c)) {
            let after = rest.dropFirst()
            if after.isEmpty || after.first == "." || after.first == " " {
                letter = c.lowercased()
                rest = after
            }
        }
        rest = rest.drop { $0 == " " }
        if rest.first == "." { rest = rest.dropFirst().drop { $0 == " " } }
        s = rest
        if !leadingWord {
            // "1. kapitel" (and nothing more), or a bare number ("4 a", "IV").
            if dropWord() { trim() }
        }
        guard s.isEmpty else { return nil }
        return (value, letter.isEmpty ? String(value) : "\(value) \(letter)")
    }

    /// Digits, or a roman numeral in capitals; whether it was roman.
    static func chapterValue(_ s: inout Substring) -> (Int, Bool)? {
        var value = 0
        var digits = 0
        while let c = s.first, c.isASCII, let d = c.wholeNumberValue, digits < 6 {
            value = value * 10 + d
            digits += 1
            s = s.dropFirst()
        }
        if digits > 0 { return value > 0 ? (value, false) : nil }
        let romanDigits = s.prefix { "IVXLC".contains($0) }
        guard !romanDigits.isEmpty, romanDigits.count <= 8, let roman = romanValue(romanDigits) else { return nil }
        s = s.dropFirst(romanDigits.count)
        return (roman, true)
    }

    /// "IV" → 4.
    package static func romanValue(_ text: some StringProtocol) -> Int? {
        var total = 0
        var previous = 0
        for c in text.reversed() {
            let v: Int
            switch c {
            case "I": v = 1
            case "V": v = 5
            case "X": v = 10
            case "L": v = 50
            case "C": v = 100
            default: return nil
            }
            if v < previous {
                total -= v
            } else {
                total += v
                previous = v
            }
        }
        return total > 0 ? total : nil
    }

    // MARK: Sections

    /// Reads a § label as written (a LexDania `Explicatus`, or a heading's label): "§ 7 B.", "§§ 28-30.",
    /// "§ 8 b. - § 9.", "§§ 57. - 59.", "§§ 2 A – 2 C.", "§§ 62 a-b.", "§§ 168 og 169", "§ 71 og § 71 a.".
    /// Nil when the text does not start with "§" and a number.
    package static func sectionLabel(_ text: String) -> SectionLabel? {
        var s = Substring(text.replacingOccurrences(of: "\u{A0}", with: " "))
        func skip(_ characters: String) { s = s.drop { characters.contains($0) } }
        skip(" ")
        guard s.first == "§" else { return nil }
        skip("§ ")
        guard let first = lettered(&s, value: nil) else { return nil }
        skip(" .")
        var isList = false
        if let c = s.first, c == "-" || c == "–" || c == "—" {
            s = s.dropFirst()
        } else if s.hasPrefix("og ") {
            isList = true
            s = s.dropFirst(3)
        } else {
            return SectionLabel(first: first)
        }
        skip(" §")
        guard let last = lettered(&s, value: first.value) else { return SectionLabel(first: first) }
        return SectionLabel(first: first, last: last, isList: isList)
    }

    /// "17", "4 a", "7B", "343 ab" — or, with `value`, a letter alone ("b" in "§§ 62 a-b.").
    static func lettered(_ s: inout Substring, value fallback: Int?) -> LetteredNumber? {
        var value = 0
        var digits = 0
        var t = s
        while let c = t.first, c.isASCII, let d = c.wholeNumberValue, digits < 7 {
            value = value * 10 + d
            digits += 1
            t = t.dropFirst()
        }
        if digits == 0 {
            guard let fallback else { return nil }
            value = fallback
        }
        var letters = t.drop { $0 == " " }
        var letter = ""
        while let c = letters.first, c.isLetter, letter.count < 3 {
            letter.append(c)
            letters = letters.dropFirst()
        }
        // A letter ends the number only when no word goes on ("§ 4 i lov …" is § 4): one or two letters, then
        // the end, a period, a comma, a dash or "(", also after a space ("§§ 2 A – 2 C.", "§ 71 og § 71 a.").
        let next = letters.drop { $0 == " " }
        let ends = next.isEmpty || ".,-–—()".contains(next.first!) || (next.hasPrefix("og ") && letters.first == " ")
        if !letter.isEmpty, letter.count <= 2, ends {
            t = letters
        } else {
            letter = ""
            if digits == 0 { return nil }
        }
        s = t
        return LetteredNumber(value: value, letter: letter.lowercased())
    }
}
