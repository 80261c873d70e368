import Paragraf

/// A citation in the new version whose target is doubtful.
public struct CitationChange: Codable, Hashable, Sendable {
    /// The kind of problem.
    public var issue: CitationIssue
    /// The provision holding the citation in the new version.
    public var newCitation: String
    /// The citation as written in the new version ("§ 18, stk. 3").
    public var newText: String
    /// What it names in the new version ("§ 18, stk. 3"), nil when unresolved.
    public var newTarget: String?
    /// The provision holding the citation in the old version, if aligned.
    public var oldCitation: String?
    /// The citation as written in the old version at the same place.
    public var oldText: String?
    /// What the old citation named in the old version.
    public var oldTarget: String?
    /// The counterpart of the old target in the new version: what the citation should probably say.
    public var expectedTarget: String?
    /// The bytes of the citation in the new source.
    public var newRange: LocatedRange
    /// The bytes of the old citation in the old source.
    public var oldRange: LocatedRange?
    /// A sentence for readers.
    public var explanation: String
}
