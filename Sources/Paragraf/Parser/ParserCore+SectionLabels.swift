import Foundation

/// Reading § labels: the numbers, their letters in either case and in the Danish alphabet, ranges and lists in
/// the spellings of Retsinformation's documents, and the context that tells a heading from a wrapped citation.
extension ParserCore {
    /// Reads the label at the "§" at `p`: "§ 4 a", "§§ 28-30", "§§ 57. - 59", "§ 8 b. - § 9", "§§ 2 A – 2 C",
    /// "§§ 62 a-b", "§ 18 og § 19", "§ § 12". A range must run forwards and span less than 1 000 numbers;
    /// "§§" without a second number is no label.
    func readSectionLabel(at p: Int, lineEnd: Int) -> SectionLabelRead? {
        var i = p + 2
        var signs = 1
        // "§§" (plural), and "§ §" / "§ §§" as some texts write a single "§" / "§§".
        while true {
            let j = Bytes.skipInlineSpace(b, i, lineEnd)
            guard j + 1 < lineEnd, b[j] == 0xC2, b[j + 1] == 0xA7 else { break }
            if j == i { signs += 1 }
            i = j + 2
        }
        i = Bytes.skipInlineSpace(b, i, lineEnd)
        guard let (first, afterFirst) = readNumberWithLetter(at: i, end: lineEnd) else { return nil }
        var label = SectionLabelRead(first: first, numberEnd: afterFirst)
        label.isPlural = signs > 1
        // A range or list: an optional period ("§§ 57. - 59."), a dash or "og", an optional "§", the second end.
        var j = Bytes.skipInlineSpace(b, afterFirst, lineEnd)
        if j < lineEnd && b[j] == 0x2E { j = Bytes.skipInlineSpace(b, j + 1, lineEnd) }
        var isList = false
        if j < lineEnd && b[j] == 0x2D {
            j += 1
        } else if j + 2 < lineEnd && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x93 || b[j + 2] == 0x94) {
            j += 3
        } else if Bytes.matches(b, j, lineEnd, "og ") {
            isList = true
            j += 3
        } else {
            return signs > 1 ? nil : label
        }
        j = Bytes.skipInlineSpace(b, j, lineEnd)
        if j + 1 < lineEnd, b[j] == 0xC2, b[j + 1] == 0xA7 {
            j += 2
            if j + 1 < lineEnd, b[j] == 0xC2, b[j + 1] == 0xA7 { j += 2 }
            j = Bytes.skipInlineSpace(b, j, lineEnd)
        }
        var second = readNumberWithLetter(at: j, end: lineEnd)
        if second == nil, let (letter, end) = readLetter(at: j, end: lineEnd, after: first) {
            second = (LetteredNumber(value: first.value, letter: letter), end)  // "§§ 62 a-b."
        }
        guard let (last, afterSecond) = second, first < last, last.value - first.value < 1000 else {
            return signs > 1 ? nil : label
        }
        label.last = last
        label.isList = isList
        label.numberEnd = afterSecond
        return label
    }

    /// Reads "17", "4 a", "4a", "7 B", "114 i", "62 æ", "343 ab" at `i`; the letter is lower-cased.
    func readNumberWithLetter(at i: Int, end: Int, lenient: Bool = false) -> (LetteredNumber, Int)? {
        var j = i
        var value = 0
        // Up to six digits: consolidated texts stay far below, generated test corpora do not.
        while j < end, Bytes.isDigit(b[j]), j - i < 7 {
            value = value * 10 + Int(b[j] - 0x30)
            j += 1
        }
        guard j > i, j - i < 7, j == end || !Bytes.isDigit(b[j]) else { return nil }
        var k = j
        if k < end && b[k] == 0x20 {
            k += 1
        } else if k + 1 < end && b[k] == 0xC2 && b[k + 1] == 0xA0 {
            k += 2
        }
        if let (letter, letterEnd) = readLetter(at: k, end: end, after: nil, lenient: lenient) {
            return (LetteredNumber(value: value, letter: letter), letterEnd)
        }
        return (LetteredNumber(value: value, letter: ""), j)
    }

    /// The letter of a § number at `k`, lower-cased, and where it ends; nil when the letter starts a word.
    ///
    /// A lower-case ASCII letter other than "i" and "o" counts when a space, period, comma, ")" or the line's end
    /// follows ("§ 4 a Bekendtgørelsen …"). A capital, "i", "o", "æ", "ø", "å" (which are also words: "§ 4 i
    /// lov …") or two letters count only when a period, comma, ")", "(", the line's end or a range dash follows
    /// ("§ 7 B.", "§ 114 i.", "§ 62 æ.", "§ 343 ab.", "§§ 2 A – 2 C.", "§§ 16 E og 16 F."). With `after`, the
    /// second end of "§§ 62 a-b." must come after it. `lenient` takes any single letter that a space follows
    /// ("§ 5 D Den skattepligtige …"), for a caller that knows the numbering wants it.
    func readLetter(at k: Int, end: Int, after: LetteredNumber?, lenient: Bool = false) -> (String, Int)? {
        guard k < end else { return nil }
        var letterEnd = k
        var plain = false
        let c = b[k]
        if c >= 0x61 && c <= 0x7A {
            letterEnd = k + 1
            plain = c != 0x69 && c != 0x6F
        } else if c >= 0x41 && c <= 0x5A {
            letterEnd = k + 1
        } else if c == 0xC3, k + 1 < end, [0xA6, 0xB8, 0xA5, 0x86, 0x98, 0x85].contains(b[k + 1]) {
            letterEnd = k + 2  // æ ø å Æ Ø Å
        } else {
            return nil
        }
        // A second lower-case letter ("343 ab"), only before a period.
        if letterEnd < end, b[letterEnd] >= 0x61, b[letterEnd] <= 0x7A, letterEnd + 1 < end, b[letterEnd + 1] == 0x2E {
            letterEnd += 1
            plain = false
        }
        if letterEnd < end && Bytes.isLetter(b, letterEnd) { return nil }
        let next: UInt8 = letterEnd < end ? b[letterEnd] : 0x0A
        var counts = next == 0x2E || next == 0x2C || next == 0x29 || next == 0x0A || next == 0x0D
        if plain && !counts { counts = next == 0x20 || next == 0xC2 }
        if !counts && (next == 0x28 || next == 0x2D || (next == 0xE2 && letterEnd + 1 < end && b[letterEnd + 1] == 0x80)) {
            counts = true
        }
        if !counts && next == 0x20 {
            // "§§ 2 A – 2 C.", "§§ 16 E og 16 F.", "§ 114 i (Ophævet)": a dash, "og" or "(" after the space.
            let after = Bytes.skipInlineSpace(b, letterEnd, end)
            counts =
                after >= end || b[after] == 0x2D || b[after] == 0x28 || (b[after] == 0xE2 && after + 1 < end && b[after + 1] == 0x80)
                || Bytes.matches(b, after, end, "og ") || (lenient && letterEnd == k + 1)
        }
        guard counts else { return nil }
        let letter = String(decoding: b[k..<letterEnd], as: UTF8.self).lowercased()
        if let after, !(LetteredNumber(value: after.value, letter: letter) > after) { return nil }
        return (letter, letterEnd)
    }

    /// Whether a status in parentheses opens the text at `j`: "(Ophævet)", "(Udeladt)", "(Udelades)",
    /// "(Sættes ikke i kraft …)", also after a footnote number ("3) (Ophævet)"); and whether it says repealed.
    func statusAfterLabel(at j: Int, lineEnd: Int) -> (present: Bool, repealed: Bool) {
        var k = j
        var digits = k
        while digits < lineEnd, Bytes.isDigit(b[digits]), digits - k < 3 { digits += 1 }
        if digits > k, digits < lineEnd, b[digits] == 0x29 { k = Bytes.skipInlineSpace(b, digits + 1, lineEnd) }
        guard k < lineEnd, b[k] == 0x28 else { return (false, false) }
        let repealed = Bytes.matchesIgnoringCase(b, k, lineEnd, "(ophævet") || Bytes.matchesIgnoringCase(b, k, lineEnd, "(ophaevet")
        return (true, repealed)
    }

    /// Whether the text before `p` leads into a citation, so that a "§" at the start of the next line is one
    /// that wrapped ("jf. ⏎ § 7.", "efter ⏎ § 5.", "reglerne i ⏎ § 4."), not a heading. (A comma does not: in
    /// Retsinformation's texts a provision ends in one where a list or a table lost its last line.)
    func followsCitationLead(before p: Int) -> Bool {
        // The leads are at most 17 bytes long ("bekendtgørelsens").
        guard let lead = word(endingAt: previousContent(before: p), longest: 17) else { return false }
        return Self.citationLeads.contains(lead.text.lowercased())
    }

    /// Whether the text before `p` ends in a conjunction ("og", "eller", "samt") that joins prose, not citations:
    /// the word before it holds no digit and is no citation word ("… ferieprodukter m.v. og ⏎ § 22. Loven
    /// gælder …", where an item quoted by an amending § lost its next item). After "§ 21 og", "stk. 2 og" or
    /// "§ 4 a og" the § that follows is cited.
    func endsWithConjunctionAfterProse(before p: Int) -> Bool {
        let q = previousContent(before: p)
        guard let conjunction = word(endingAt: q, longest: 25), ["og", "eller", "samt"].contains(conjunction.text.lowercased()) else {
            return false
        }
        guard let previous = word(endingAt: previousContent(before: conjunction.start), longest: 25) else { return false }
        let text = previous.text.lowercased()
        if text.utf8.count <= 1 || text.utf8.contains(where: Bytes.isDigit) { return false }
        return !["stk.", "nr.", "pkt.", "litra", "§", "§§", "kapitel", "bilag", "afsnit", "jf.", "i", "af", "efter"].contains(text)
    }

    /// The word that ends at `q` (its bytes back to a space, a line break or "(", at most the last `longest`),
    /// with its start.
    private func word(endingAt q: Int, longest: Int) -> (text: String, start: Int)? {
        guard q >= 0 else { return nil }
        var start = q
        while start > 0, q - start < longest - 1 {
            let c = b[start - 1]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0xA0 || c == 0x28 { break }
            start -= 1
        }
        return (String(decoding: b[start...q], as: UTF8.self), start)
    }

    /// Words after which a § is cited, not headed.
    static let citationLeads: Set<String> = [
        "jf.", "jfr.", "jf", "jævnfør", "efter", "i", "af", "og", "eller", "samt", "til", "ifølge", "under", "ved",
        "mod", "om", "for", "med", "se", "§", "§§", "henhold", "medfør", "omfattet", "nævnt", "nævnte", "omhandlet",
        "omhandlede", "fastsat", "fastsatte", "hjemmel", "bestemmelserne", "bestemmelsen", "reglerne", "lovens",
        "bekendtgørelsens",
    ]
}
