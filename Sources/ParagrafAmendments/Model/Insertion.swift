import Paragraf

/// An insertion of provisions.
public struct Insertion: Codable, Hashable, Sendable {
    /// Where the new provisions go, relative to ``reference``.
    public enum Position: String, Codable, Hashable, Sendable {
        /// After the referenced provision ("Efter § 53 indsættes", "efter stk. 2 som nyt stykke").
        case after
        /// Before it ("Før § 1 indsættes", "før nr. 1 som nyt nummer").
        case before
        /// At the referenced number ("indsættes som stk. 7", "som 2. pkt."): ``reference`` is the new address.
        case at
    }

    /// After, before or at.
    public var position: Position
    /// The sibling (after/before) or the new provision's address (at).
    public var reference: TargetAddress
    /// The new provisions.
    public var content: NewText

    /// Creates an insertion.
    public init(position: Position, reference: TargetAddress, content: NewText) {
        self.position = position
        self.reference = reference
        self.content = content
    }
}
