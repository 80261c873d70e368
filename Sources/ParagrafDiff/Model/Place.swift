import Paragraf

/// One occurrence of a substitution.
public struct Place: Codable, Hashable, Sendable {
    /// Old citation.
    public var oldCitation: String
    /// New citation.
    public var newCitation: String
    /// The bytes in the old source.
    public var oldRange: LocatedRange
    /// The bytes in the new source.
    public var newRange: LocatedRange
}
