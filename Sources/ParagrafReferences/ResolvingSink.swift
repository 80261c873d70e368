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
