import Paragraf

/// A term replaced systematically ("amtsrådet → regionsrådet", 31 times), reported once.
public struct TermSubstitution: Codable, Hashable, Sendable {
    /// The old term, lower-case.
    public var old: String
    /// The new term, lower-case.
    public var new: String
    /// How often the replacement occurs.
    public var count: Int
    /// Whether the pair is in the seed lexicon of era terms (otherwise found from repetition alone).
    public var isKnownEraTerm: Bool
    /// Every occurrence.
    public var places: [Place]
}
