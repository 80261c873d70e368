/// A section number with its letter: "17", "4 a" (the letter lower-cased).
struct SectionNumber: Comparable {
    var value: Int
    var suffix: String

    /// By value, then by letter in the Danish alphabet ("9 z" < "9 æ" < "9 ø" < "9 å"), a longer suffix after a
    /// shorter one ("343 z" < "343 ab").
    static func < (lhs: SectionNumber, rhs: SectionNumber) -> Bool {
        LetteredNumber(value: lhs.value, letter: lhs.suffix) < LetteredNumber(value: rhs.value, letter: rhs.suffix)
    }
}

extension SectionNumber {
    var idComponent: String { suffix.isEmpty ? String(value) : String(value) + suffix }

    /// The same number in the form shared with the LexDania importer.
    var lettered: LetteredNumber { LetteredNumber(value: value, letter: suffix) }

    init(_ number: LetteredNumber) {
        self.init(value: number.value, suffix: number.letter)
    }
}
