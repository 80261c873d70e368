import Paragraf

/// A passage outside the §§, preamble and annexes that differs between two versions: text the parser could not
/// place (a text without § structure is all such text), or the signature.
public struct OutsideTextChange: Codable, Hashable, Sendable {
    /// What the passage is (`unplaced` or `signature`).
    public var kind: NodeKind
    /// The old text, nil when the passage is new.
    public var old: String?
    /// The new text, nil when the passage is gone.
    public var new: String?
}
