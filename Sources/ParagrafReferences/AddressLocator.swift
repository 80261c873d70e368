import Paragraf

/// Finds the node an absolute address names in a document, with the resolver's own rule and message for a miss
/// ("there is no § 135; the last § is § 278"), without building a reference graph: for a caller that resolves many
/// citations from other documents into this one (the corpus store's link step).
package struct AddressLocator: Sendable {
    private let resolver: TableResolver

    /// Reads the nodes of `document`.
    /// - Complexity: O(n) in the number of nodes.
    package init(document: Document) {
        resolver = TableResolver(table: NodeTable(document))
    }

    /// The id of the node `address` names, or nil with the reason.
    package func locate(_ address: Address) -> (nodeID: String?, message: String?) {
        let (id, _, message) = resolver.locate(address)
        return (id?.description, message)
    }
}
