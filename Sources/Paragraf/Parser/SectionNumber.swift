/// A section number with its letter: "17", "4 a".
struct SectionNumber: Comparable {
    var value: Int
    var suffix: String

    static func < (lhs: SectionNumber, rhs: SectionNumber) -> Bool {
        (lhs.value, lhs.suffix) < (rhs.value, rhs.suffix)
    }
}
