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
