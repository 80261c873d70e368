import Paragraf

/// A § of the amending act that amends nothing: "Loven træder i kraft den 1. januar 2024."
public struct OwnProvision: Codable, Hashable, Sendable {
    /// The § number ("6").
    public var section: String
    /// The text, stk. labels included.
    public var text: String
    /// The in-force date it states, if it is an in-force provision.
    public var inForceDate: LegalDate?
    /// Where it is in the source.
    public var range: SourceRange

    /// Creates a provision.
    public init(section: String, text: String, inForceDate: LegalDate?, range: SourceRange) {
        self.section = section
        self.text = text
        self.inForceDate = inForceDate
        self.range = range
    }

    /// Whether the § is about entry into force ("træder i kraft").
    public var isInForce: Bool { text.contains("træder i kraft") || text.contains("træde i kraft") }
}
