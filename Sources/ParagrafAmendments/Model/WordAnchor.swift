import Paragraf

/// The words new words go after or before.
public struct WordAnchor: Codable, Hashable, Sendable {
    /// After or before.
    public enum Side: String, Codable, Hashable, Sendable {
        /// "indsættes efter »X«".
        case after
        /// "indsættes før »X«".
        case before
    }

    /// After or before the words.
    public var side: Side
    /// The words.
    public var words: String

    /// Creates an anchor.
    public init(side: Side, words: String) {
        self.side = side
        self.words = words
    }
}
