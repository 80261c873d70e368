import Paragraf

/// A run of tokens of one version's token table: what a ``Unit`` keeps for word-level comparison.
struct TokenRun: TokenList {
    let version: FlatVersion
    let range: Range<Int>
    /// The citation roles of the version's symbols, shared by the runs of the version.
    let roles: SymbolRoles

    /// ``CitationRole`` by symbol, worked out once per symbol.
    final class SymbolRoles {
        /// Per symbol, the role's raw value plus 128 once known; 0 before.
        @exclusivity(unchecked) private var known: [UInt8] = []

        func role(_ symbol: Int, _ key: () -> String) -> CitationRole {
            if symbol < known.count, known[symbol] != 0 { return CitationRole(rawValue: known[symbol] & 0x7F) }
            let role = CitationRole(key: key())
            if symbol >= known.count { known.append(contentsOf: repeatElement(0, count: symbol + 1 - known.count)) }
            known[symbol] = role.rawValue | 0x80
            return role
        }
    }

    var count: Int { range.count }
    /// The index in the version's token table of the run's `i`th token.
    @inline(__always) func absolute(_ i: Int) -> Int { range.lowerBound + i }
    @inline(__always) func tok(_ i: Int) -> Tok { version.tokens[range.lowerBound + i] }
    func kind(_ i: Int) -> Token.Kind { tok(i).kind }
    func key(_ i: Int) -> String { version.key(range.lowerBound + i) }
    func text(_ i: Int) -> String { version.tokenText(range.lowerBound + i) }
    func offsets(_ i: Int) -> Range<Int> { tok(i).offsets }
    func amountUnit(_ i: Int) -> String? { version.symbols.amountUnit(tok(i).symbol) }
    /// From the bytes: a one-byte token that is a full stop.
    func isPeriod(_ i: Int) -> Bool {
        let t = tok(i)
        return t.end - t.start == 1 && version.source.bytes[Int(t.start)] == 0x2E
    }
    func citationRole(_ i: Int) -> CitationRole { roles.role(Int(tok(i).symbol)) { key(i) } }
    /// Scanned in the token table.
    func nextNumber(from i: Int) -> Int? {
        version.tokens.withUnsafeBufferPointer { toks in
            var k = i
            while k < count {
                if toks[range.lowerBound + k].kind == .number { return k }
                k += 1
            }
            return nil
        }
    }
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
