import Foundation
import Paragraf

extension FlatVersion {
    /// Whether the (finalized) unit of `node` has the keys of the unit of `otherNode` of `other`, in the
    /// same order: what equal ``Unit/exactHash``es stand for, told without building the units.
    func sameKeys(_ node: Int, as otherNode: Int, in other: FlatVersion) -> Bool {
        let a = Int(rows[node].tokenStart)..<Int(rows[node].tokenEnd)
        let b = Int(other.rows[otherNode].tokenStart)..<Int(other.rows[otherNode].tokenEnd)
        guard a.count == b.count else { return false }
        let ta = tokens
        let tb = other.tokens
        return (0..<a.count).allSatisfy { ta[a.lowerBound + $0].symbol == tb[b.lowerBound + $0].symbol }
    }

    /// The text of one token as written.
    func tokenText(_ t: Int) -> String { source.string(tokens[t].offsets) }

    /// The comparison key of one (finalized) token.
    func key(_ t: Int) -> String { symbols.key(tokens[t].symbol) }

    /// Token `t` as a public ``Token``.
    func token(_ t: Int) -> Token {
        let tok = tokens[t]
        var token = Token(kind: tok.kind, text: tokenText(t), key: key(t), offsets: tok.offsets)
        token.symbol = Int(tok.symbol)
        token.bagSymbol = Int(symbols.bag(tok))
        return token
    }
}
