/// A note a source keeps beside the text: an official footnote (LexDania `Nota`) or an amending act's
/// in-force provision printed after a consolidated act (LexDania `Ikraft`).
public struct DocumentNote: Codable, Hashable, Sendable {
    /// What the note is.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A numbered footnote ("17)").
        case footnote
        /// An amending act's in-force or transitional provision, printed after a consolidated act.
        case inForce
    }

    /// What the note is.
    public var kind: Kind
    /// The marker as written ("17)"), if any.
    public var marker: String?
    /// The note's text, whitespace normalized.
    public var text: String
    /// The id of the node the note is attached to, if any.
    public var anchor: NodeID?
    /// Where the note is in the source.
    public var range: SourceRange?

    /// Creates a note.
    public init(kind: Kind, marker: String? = nil, text: String, anchor: NodeID? = nil, range: SourceRange? = nil) {
        self.kind = kind
        self.marker = marker
        self.text = text
        self.anchor = anchor
        self.range = range
    }
}
