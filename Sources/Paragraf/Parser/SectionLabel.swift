/// A § label as written, read: "§ 7 B." is § 7 b; "§§ 28-30.", "§ 8 b. - § 9.", "§§ 57. - 59.", "§§ 2 A – 2 C." are
/// ranges; "§§ 168 og 169", "§ 71 og § 71 a." are lists of two.
package struct SectionLabel: Hashable, Sendable {
    /// The first § named.
    package var first: LetteredNumber
    /// The other end of a range or list.
    package var last: LetteredNumber?
    /// "og" (a list of two) rather than a dash (a range).
    package var isList: Bool

    package init(first: LetteredNumber, last: LetteredNumber? = nil, isList: Bool = false) {
        self.first = first
        self.last = last
        self.isList = isList
    }

    /// Every § the label names, in order (see ``NumberForms/sections(from:to:isList:)``).
    package var sections: [LetteredNumber] {
        guard let last else { return [first] }
        return NumberForms.sections(from: first, to: last, isList: isList)
    }

    /// The number of the node that carries the label: "7 b", "28-30", "52 b-52 d", "168 og 169".
    package var number: String {
        guard let last else { return first.description }
        return first.description + (isList ? " og " : "-") + last.description
    }
}
