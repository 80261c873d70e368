/// What a word may be in a citation: one of the words between its numbers ("og", ",", "stk" …), one of the
/// words after which a number is a citation ("§", "stk", "kapitel" …), both or neither.
struct CitationRole: OptionSet {
    let rawValue: UInt8
    static let listWord = CitationRole(rawValue: 1)
    static let citationWord = CitationRole(rawValue: 2)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The citation role of a token key.
    init(key: String) {
        var role: CitationRole = []
        if CitationRole.listWords.contains(key) { role.insert(.listWord) }
        if CitationRole.citationWords.contains(key) { role.insert(.citationWord) }
        self = role
    }

    /// Words that may stand between the numbers of a citation.
    private static let listWords: Set<String> = ["og", "eller", ",", "-", "§", "§§", "stk", ".", "nr"]
    /// Words after which a number is a citation.
    private static let citationWords: Set<String> = ["§", "§§", "stk", "nr", "kapitel", "bilag", "pkt"]
}
