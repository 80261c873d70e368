/// A § or chapter number: its value and its letter(s), lower-cased ("4 a").
package struct LetteredNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The numeric part.
    package var value: Int
    /// The letters after it, lower-cased; empty for none.
    package var letter: String

    package init(value: Int, letter: String = "") {
        self.value = value
        self.letter = letter
    }

    /// "4 a", "17".
    package var description: String { letter.isEmpty ? String(value) : "\(value) \(letter)" }

    /// By value, then by letter in the Danish alphabet ("9 z" < "9 æ" < "9 ø" < "9 å"), more letters after
    /// fewer ("343 z" < "343 ab").
    package static func < (lhs: LetteredNumber, rhs: LetteredNumber) -> Bool {
        if lhs.value != rhs.value { return lhs.value < rhs.value }
        if lhs.letter.count != rhs.letter.count { return lhs.letter.count < rhs.letter.count }
        return NumberForms.letterRanks(lhs.letter).lexicographicallyPrecedes(NumberForms.letterRanks(rhs.letter))
    }
}
