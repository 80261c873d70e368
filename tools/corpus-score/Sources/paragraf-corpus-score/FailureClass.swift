/// Why a § came out wrong, read from the text the parser was given (not from the parser's code), so that the
/// classes stay the same while the parser changes.
enum FailureClass: String, CaseIterable {
    /// A § of a range or list written as one provision: "§§ 52 b-52 d. (Ophævet)", "§§ 168 og 169 (Udeladt)."
    case range = "repealed/omitted range or list"
    /// A capital letter: "§ 7 B.", "§ 26 A."
    case capital = "capital-letter §"
    /// A letter that is also a word or is not ASCII, or two letters: "§ 114 i.", "§ 21 o.", "§ 62 æ.", "§ 343 ab."
    case letterWord = "letter that is also a word (i, o, æ, ø, å) or two letters"
    /// A label without a period: "§ 53 Fiskefonden kan …"
    case noPeriod = "label without a period"
    /// The line before does not end a sentence the usual way: "… historiske perspektiv", "ADR.", "1.500 ml."
    case previousLine = "line before ends without a sentence end (or with an abbreviation)"
    /// The numbering jumps, repeats or goes back at this §.
    case order = "numbering jumps, repeats or goes back"
    /// Anything else that was missed.
    case otherMissed = "other missed §"
    /// A § the parser made that the list does not have.
    case extra = "§ not in the provision list (precision)"
    /// A § in the wrong chapter.
    case chapter = "wrong chapter"
    /// A § with another stk. count than its text's markers.
    case subsections = "stk. count differs from the proxy"

    /// Classifies a missed §: the first class that describes it.
    static func missed(_ section: TruthSection, previous: TruthSection?, previousLine: String) -> FailureClass {
        if section.fromList { return .range }
        if let label = section.label, label.isCapital { return .capital }
        let letters: Set<String> = ["i", "o", "æ", "ø", "å"]
        if letters.contains(section.key.suffix) || section.key.suffix.count > 1 { return .letterWord }
        if let label = section.label, !label.hasPeriod { return .noPeriod }
        if let previous, !section.key.continues(previous.key) { return .order }
        if !endsSentence(previousLine) { return .previousLine }
        return .otherMissed
    }

    /// Whether a line ends the way a sentence ends (".", ":", ";", ")", "!", "?", a closing quote), and not with a
    /// short word before a period ("ADR.", "V.", "ml.", "stk.").
    static func endsSentence(_ line: String) -> Bool {
        let trimmed = line.reversed().drop(while: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" })
        guard let last = trimmed.first else { return true }
        if last == "." {
            let word = trimmed.dropFirst().prefix(while: { $0 != " " && $0 != "\u{A0}" })
            if word.count <= 3 || word.allSatisfy({ $0.isUppercase || $0 == "." }) { return false }
            if word.allSatisfy({ $0.isNumber || $0 == "." }) { return false }
            return true
        }
        return ":;)!?»\"”".contains(last)
    }
}

/// One wrong § with its line, for `--failures`.
struct FailureRecord {
    var failureClass: FailureClass
    var documentID: String
    var group: DocumentGroup
    var layout: Layout
    var what: String
    var lineNumber: Int
    var line: String
    var previousLine: String
}
