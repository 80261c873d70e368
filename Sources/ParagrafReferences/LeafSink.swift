/// What ``CitationScanner/scanLeaves(_:into:sink:)`` does with the citations found so far after each leaf.
protocol LeafSink {
    /// Called after a leaf is scanned, with every citation found and still kept.
    mutating func leafDone(_ found: inout [Citation])
}

/// Keeps every citation.
struct Gather: LeafSink {
    func leafDone(_ found: inout [Citation]) {}
}

/// Resolves each leaf's citations and lets them go.
struct ResolvingSink: LeafSink {
    let resolver: TableResolver
    var resolved: [ResolvedCitation] = []

    mutating func leafDone(_ found: inout [Citation]) {
        guard !found.isEmpty else { return }
        for citation in found { resolved.append(resolver.resolve(citation)) }
        found.removeAll(keepingCapacity: true)
    }
}
