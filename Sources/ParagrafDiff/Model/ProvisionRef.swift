import Paragraf

/// A provision of one version as the diff names it: node id, citation, place and source range.
public struct ProvisionRef: Codable, Hashable, Sendable {
    /// The node id ("p17/stk3").
    public var id: NodeID
    /// The citation a reader uses ("§ 17, stk. 3", "kapitel 4").
    public var citation: String
    /// The node kind.
    public var kind: NodeKind
    /// The chapter holding it ("kap5"), if any.
    public var chapter: NodeID?
    /// The title of a chapter or annex, or the first words of a section, for orientation (empty for
    /// subsections and items, which reports show with their text).
    public var caption: String
    /// The bytes of the node in its version's source.
    public var range: LocatedRange

    /// Creates a reference.
    public init(id: NodeID, citation: String, kind: NodeKind, chapter: NodeID?, caption: String, range: LocatedRange) {
        self.id = id
        self.citation = citation
        self.kind = kind
        self.chapter = chapter
        self.caption = caption
        self.range = range
    }
}
