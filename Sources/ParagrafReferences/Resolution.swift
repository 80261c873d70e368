/// Why a citation target could not be found in the version it stands in.
public enum UnresolvedReason: String, Codable, Hashable, Sendable, CaseIterable {
    /// The § does not exist ("§ 40" in a document that ends with § 38).
    case noSuchSection
    /// The § exists but not the stk.
    case noSuchSubsection
    /// The stk. exists but not the nr.
    case noSuchItem
    /// The nr. exists but not the litra.
    case noSuchLitra
    /// The stk. (or nr.) has fewer sentences ("2. pkt." of a stk. with one sentence).
    case noSuchSentence
    /// The chapter does not exist.
    case noSuchChapter
    /// The annex does not exist.
    case noSuchAnnex
    /// A relative citation ("stk. 3") that stands outside any § (preamble, annex, prose), so there is no
    /// place to read it against.
    case noContext
}

/// How a citation target came out of resolution.
public enum ResolutionStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// The target names a node of this version.
    case resolved
    /// The target should be in this version but is not; see ``ResolvedTarget/reason``.
    case unresolved
    /// The target lies in another act or instrument, outside this version.
    case external
}

/// A citation target after resolution: the absolute address and the node it names, or why there is none.
public struct ResolvedTarget: Codable, Hashable, Sendable {
    /// The target as written.
    public var target: CitationTarget
    /// The absolute address (a relative target completed from the citing node's place).
    public var address: Address
    /// The id of the node named, when resolved.
    public var nodeID: NodeID?
    /// Resolved, unresolved or external.
    public var status: ResolutionStatus
    /// Why it did not resolve.
    public var reason: UnresolvedReason?
    /// A one-line human explanation for an unresolved target ("§ 22, stk. 1 has 1 sentence").
    public var message: String?

    /// Creates a resolved target.
    public init(
        target: CitationTarget, address: Address, nodeID: NodeID?, status: ResolutionStatus,
        reason: UnresolvedReason? = nil, message: String? = nil
    ) {
        self.target = target
        self.address = address
        self.nodeID = nodeID
        self.status = status
        self.reason = reason
        self.message = message
    }
}

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
