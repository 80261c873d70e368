/// The levels of a provision address, outermost first.
enum CitationLevel: Int, Comparable {
    case section = 0
    case subsection, item, litra, sentence
    static func < (a: CitationLevel, b: CitationLevel) -> Bool { a.rawValue < b.rawValue }
}
