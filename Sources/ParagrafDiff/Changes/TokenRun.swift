import Paragraf

/// A run of tokens of one version's token table: what a ``Unit`` keeps for word-level comparison.
struct TokenRun: TokenList {
    let version: FlatVersion
    let range: Range<Int>

    var count: Int { range.count }
    /// The index in the version's token table of the run's `i`th token.
    @inline(__always) func absolute(_ i: Int) -> Int { range.lowerBound + i }
    @inline(__always) func tok(_ i: Int) -> Tok { version.tokens[range.lowerBound + i] }
    func kind(_ i: Int) -> Token.Kind { tok(i).kind }
    func key(_ i: Int) -> String { version.key(range.lowerBound + i) }
    func text(_ i: Int) -> String { version.tokenText(range.lowerBound + i) }
    func offsets(_ i: Int) -> Range<Int> { tok(i).offsets }
    func amountUnit(_ i: Int) -> String? { version.symbols.facts(tok(i).symbol).amountUnit }
    func citationRole(_ i: Int) -> CitationRole { version.symbols.facts(tok(i).symbol).citationRole }
    /// Whether `text(r, withPrevious:)` is `text`, told from the bytes without building the string.
    func text(_ r: Range<Int>, withPrevious: Bool = false, equals text: String) -> Bool {
        let previous = withPrevious && r.lowerBound > 0 ? absolute(r.lowerBound - 1) : nil
        return version.readerText(absolute(r.lowerBound)..<absolute(r.upperBound), previous: previous, equals: text)
    }

    /// The reader's text of the run's tokens `r`, with a space before when `r` follows a gap.
    func text(_ r: Range<Int>, withPrevious: Bool = false) -> String {
        let previous = withPrevious && r.lowerBound > 0 ? absolute(r.lowerBound - 1) : nil
        return version.readerText(CollectionOfOne(absolute(r.lowerBound)..<absolute(r.upperBound)), previous: previous)
    }
}
