import Paragraf

/// A part of a provision whose text differs: both texts, and the words that differ.
public struct TextDifference: Codable, Hashable, Sendable {
    /// "§ 66, stk. 3", "kapitel 11 heading", "§ 53 a: chapter".
    public var citation: String
    /// The text in the first version (the applied act, or the base), if it has the part.
    public var old: String?
    /// The text in the second (the consolidation), if it has the part.
    public var new: String?
    /// The words around and in the difference: "… at [-4.374 kr.-] {+6.515 kr.+} for …".
    public var excerpt: String

    /// Creates a difference.
    public init(citation: String, old: String?, new: String?) {
        self.citation = citation
        self.old = old
        self.new = new
        self.excerpt = TextComparison.excerpt(old ?? "", new ?? "")
    }
}
