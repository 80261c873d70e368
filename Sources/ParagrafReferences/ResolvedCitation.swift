/// A citation with each of its targets resolved against the version it stands in.
public struct ResolvedCitation: Codable, Hashable, Sendable {
    /// The citation.
    public var citation: Citation
    /// The id of the citing node (the leaf whose text holds it).
    public var sourceID: NodeID?
    /// One entry per target of the citation, in the same order.
    public var targets: [ResolvedTarget]

    /// Creates a resolved citation.
    public init(citation: Citation, sourceID: NodeID?, targets: [ResolvedTarget]) {
        self.citation = citation
        self.sourceID = sourceID
        self.targets = targets
    }

    /// The targets that should be in this version but are not.
    public var unresolvedTargets: [ResolvedTarget] { targets.filter { $0.status == .unresolved } }
    /// Whether no target is unresolved.
    public var isFullyResolved: Bool { !targets.contains { $0.status == .unresolved } }
}
