/// A § label read at a "§": "§ 4 a.", "§ 7 B.", "§ 114 i.", "§§ 28-30.", "§ 8 b. - § 9.", "§§ 168 og 169".
struct SectionLabelRead {
    /// The first § named.
    var first: LetteredNumber
    /// The other end of a range or list.
    var last: LetteredNumber?
    /// "og" (a list of two), not a dash.
    var isList = false
    /// Written "§§" (or "§ §§").
    var isPlural = false
    /// Where the label's numbers end (before its closing period).
    var numberEnd: Int

    /// The label in the form the LexDania importer reads too: its node's number and the §§ it names.
    var label: SectionLabel { SectionLabel(first: first, last: last, isList: isList) }
}
