/// A § number as the scorer compares it: the value and the letter(s), lower-cased ("7 B" and "7b" are one §).
struct SectionKey: Hashable, Comparable, CustomStringConvertible {
    var value: Int
    var suffix: String

    /// The letters a § may carry, in order (Danish alphabet).
    static let alphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyzæøå")

    var description: String { suffix.isEmpty ? "§ \(value)" : "§ \(value) \(suffix)" }

    static func < (lhs: SectionKey, rhs: SectionKey) -> Bool {
        if lhs.value != rhs.value { return lhs.value < rhs.value }
        if lhs.suffix.count != rhs.suffix.count { return lhs.suffix.count < rhs.suffix.count }
        let l = lhs.suffix.map { alphabet.firstIndex(of: $0) ?? 99 }
        let r = rhs.suffix.map { alphabet.firstIndex(of: $0) ?? 99 }
        return l.lexicographicallyPrecedes(r)
    }

    /// Whether `self` is the § that continues the numbering after `previous` (the next number, or a letter
    /// after it).
    func continues(_ previous: SectionKey) -> Bool {
        if suffix.isEmpty { return value == previous.value + 1 }
        return value == previous.value && self > previous
    }

    /// Reads a node number or a dataset field: "4 a", "4a", "7B", "12", "4\u{A0}b". Nil for anything else.
    init?(_ text: some StringProtocol) {
        let letters = Self.squeezed(text)
        var digits = 0
        var value = 0
        for c in letters {
            guard let d = c.wholeNumberValue, c.isASCII else { break }
            value = value * 10 + d
            digits += 1
            if digits > 7 { return nil }
        }
        guard digits > 0 else { return nil }
        let rest = letters.dropFirst(digits)
        guard rest.count <= 2, rest.allSatisfy({ Self.alphabet.contains($0) }) else { return nil }
        self.value = value
        self.suffix = String(rest)
    }

    init(value: Int, suffix: String) {
        self.value = value
        self.suffix = suffix
    }

    /// Lower-cased, without spaces, no-break spaces, zero-width characters or quotation marks.
    static func squeezed(_ text: some StringProtocol) -> String {
        String(
            text.lowercased().filter { c in
                !(c == " " || c == "\u{A0}" || c == "\u{200C}" || c == "\u{200B}" || c == "»" || c == "«" || c == "\t")
            })
    }
}

extension SectionKey {
    /// The §§ a dataset `section` field stands for: one, or each § of a range or list ("28-30", "52b-52d",
    /// "21a-23", "62a-b", "1-23g", "41og42", "21,21A"). Empty when the field holds no § number.
    ///
    /// A range runs through every number and, where an end has a letter, through the letters of that end's
    /// number: "21a-23" is 21 a, 22, 23; "1-23g" is 1 … 23, 23 a … 23 g; "152i–152y" is 152 i … 152 y.
    static func expand(field: String) -> (keys: [SectionKey], isList: Bool) {
        var s = squeezed(field)
        while let last = s.last, last == "," || last == "." || last == "(" || last == ")" { s.removeLast() }
        if let key = SectionKey(s) { return ([key], false) }
        for separator in ["-", "–", "—", "og", ","] {
            guard let at = s.range(of: separator) else { continue }
            let left = String(s[..<at.lowerBound])
            var right = String(s[at.upperBound...])
            guard let first = SectionKey(left) else { continue }
            // "62a-b", "12f–h": the second end repeats the number.
            if let c = right.first, !c.isNumber { right = String(first.value) + right }
            guard let last = SectionKey(right) else { return ([first], false) }
            if separator == "og" || separator == "," || !(first < last) { return ([first, last], true) }
            return (range(from: first, to: last), true)
        }
        return ([], false)
    }

    /// Every § from `first` to `last` (see ``expand(field:)``), at most 1 000.
    static func range(from first: SectionKey, to last: SectionKey) -> [SectionKey] {
        var keys = [first]
        func letters(of value: Int, after start: String, through end: String) {
            guard end.count == 1, start.count <= 1, let to = alphabet.firstIndex(of: end.first!) else { return }
            let from = start.isEmpty ? 0 : (alphabet.firstIndex(of: start.first!) ?? to) + 1
            guard from <= to else { return }
            for i in from...to { keys.append(SectionKey(value: value, suffix: String(alphabet[i]))) }
        }
        if first.value == last.value {
            letters(of: first.value, after: first.suffix, through: last.suffix)
            return keys
        }
        guard last.value - first.value <= 1000 else { return [first, last] }
        for value in (first.value + 1)...last.value { keys.append(SectionKey(value: value, suffix: "")) }
        if !last.suffix.isEmpty { letters(of: last.value, after: "", through: last.suffix) }
        return keys
    }
}
