import Paragraf

/// A word, number or punctuation mark of a provision's text, with its bytes in the source.
public struct Token: Hashable, Sendable {
    /// What kind of token.
    public enum Kind: UInt8, Hashable, Sendable {
        /// Letters (and digits or hyphens inside a word).
        case word
        /// Digits, possibly grouped ("1.420") or with a decimal comma ("4,5").
        case number
        /// Anything else: ".", ",", "(", "§", "%".
        case punctuation
    }

    /// The kind.
    public var kind: Kind
    /// The text as written.
    public var text: String
    /// The text lower-cased, with the non-breaking hyphen folded to "-"; what comparisons use.
    public var key: String
    /// The byte offsets in the source text.
    public var offsets: Range<Int>
    /// The interned `key` (-1 until a diff interns it).
    var symbol: Int = -1
    /// The interned comparison key for similarity: era terms folded, numbers generalized; -1 for punctuation.
    var bagSymbol: Int = -1
}
