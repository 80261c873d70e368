/// Resolves citations against the version they stand in: relative ones against the citing node's place,
/// absolute ones to the node they name; a target that does not exist is reported with its reason.
///
/// The resolver never guesses: "2. pkt." of a stk. with one sentence is ``UnresolvedReason/noSuchSentence``,
/// not the stk. itself.
public struct CitationResolver: Sendable {
    /// The node table of the version citations are resolved against.
    public let nodes: NodeTable
    private let core: TableResolver

    /// Creates a resolver over a document's node table.
    ///
    /// What a miss reports (the last §, the last chapter, the number of annexes) is computed here once, so
    /// that resolving n citations stays O(n) however many of them miss.
    public init(nodes: NodeTable) {
        self.nodes = nodes
        self.core = TableResolver(table: nodes)
    }

    /// Creates a resolver over a document (building its node table).
    public init(document: Document) { self.init(nodes: document.nodeTable()) }

    /// Resolves every target of `citation`, reading relative targets against the node `nodeID`
    /// (default: the citation's own ``Citation/nodeID``).
    public func resolve(_ citation: Citation, from nodeID: NodeID? = nil) -> ResolvedCitation {
        core.resolve(citation, from: nodeID)
    }

    /// Resolves one target, reading a relative one against the node `nodeID`.
    public func resolve(_ target: CitationTarget, from nodeID: NodeID?) -> ResolvedTarget {
        core.resolve(target, from: nodeID.flatMap { Address(id: $0) })
    }

    /// The absolute address of `target` read at node `nodeID`; nil for a relative target with no § around it.
    ///
    /// "stk. 3" takes the §; "nr. 4" and "3. pkt." take the § and stk. (and "3. pkt." in an item the item).
    public func absoluteAddress(of target: CitationTarget, from nodeID: NodeID?) -> Address? {
        TableResolver.absoluteAddress(of: target, at: nodeID.flatMap { Address(id: $0) })
    }

    /// Finds the node an absolute address names, level by level, so that a miss says which level is missing.
    func locate(_ a: Address) -> (NodeID?, UnresolvedReason?, String?) { core.locate(a) }
}
