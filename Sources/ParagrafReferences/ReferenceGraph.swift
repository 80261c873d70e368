import Foundation

/// The citations of one version as a graph: outgoing citations of any node, incoming ones (cited by), and
/// the citations that lead nowhere.
///
/// Build it once per version; a node's subtree is a contiguous byte range, so lookups are binary searches.
///
/// ```swift
/// let parsed = RegulationParser.parse(bytes, sourceName: "2020-bek-tandpleje.txt")
/// let graph = ReferenceGraph(parsed: parsed)
/// for cite in graph.incoming(to: "p12") { print(cite.sourceID ?? "-", cite.citation) }
/// ```
public struct ReferenceGraph: Sendable {
    /// The node table of the version: the one the citations were resolved against, kept.
    public let nodes: NodeTable
    /// Every citation of the version, resolved, in document order.
    public let citations: [ResolvedCitation]
    /// The lookup tables of the queries, built once when first needed.
    private let storage: Storage

    /// Extracts and resolves every citation of a parsed document.
    /// - Complexity: O(n) in the size of the source plus the number of targets.
    public init(parsed: ParsedDocument, extractor: CitationExtractor = CitationExtractor()) {
        self.init(document: parsed.document, source: parsed.source, extractor: extractor)
    }

    /// Extracts and resolves every citation of `document`, whose ranges index `source`.
    public init(document: Document, source: SourceText, extractor: CitationExtractor = CitationExtractor()) {
        // The table the citations are resolved against is kept: the queries read it, and the diff given the
        // graphs flattens each version over its graph's table instead of building another (measured: 6.6 M of
        // 249.9 M instructions of `VersionDiff.compare` with the graphs of the ×10 pair, 2.6 %). It is alive
        // while the citations are resolved, so keeping it adds nothing to the peak of building the graph.
        let table = NodeTable(document)
        self.citations = extractor.resolvedCitations(in: document, source: source, resolver: TableResolver(table: table))
        self.nodes = table
        self.storage = Storage()
    }

    /// Extracts and resolves every citation of a parsed document whose node table the caller already has
    /// (the diff keeps one per version), and keeps that table for the queries instead of building another.
    /// - Precondition: `nodes` is the table of `parsed.document` (`parsed.document.nodeTable()`).
    public init(parsed: ParsedDocument, nodes: NodeTable, extractor: CitationExtractor = CitationExtractor()) {
        self.citations = extractor.resolvedCitations(
            in: parsed.document, source: parsed.source, resolver: TableResolver(table: nodes))
        self.nodes = nodes
        self.storage = Storage()
    }

    /// A graph over citations already resolved against the document of `nodes`.
    /// - Complexity: O(c log c) in the number of citations (on the first query).
    public init(nodes: NodeTable, citations: [ResolvedCitation]) {
        self.citations = citations
        self.nodes = nodes
        self.storage = Storage()
    }

    /// The citations whose text stands in node `id` (and, by default, in its descendants), in document order.
    /// - Complexity: O(log c + k) for k results.
    public func outgoing(from id: NodeID, includingDescendants: Bool = true) -> [ResolvedCitation] {
        let lookups = storage.lookups(citations, table: nodes)
        if !includingDescendants { return (lookups.bySource[id] ?? []).map { citations[$0] } }
        if id == .document { return citations.filter { $0.sourceID != nil } }
        guard let row = nodes.row(of: id) else { return [] }
        return Self.slice(lookups.bySpan, nodes.range(at: row).offsets).sorted().map { citations[$0] }
    }

    /// The citations that name node `id` (and, by default, any node inside it), in document order: who
    /// cites "§ 12" includes who cites "§ 12, stk. 2".
    /// - Complexity: O(log t + k log k) for k results.
    public func incoming(to id: NodeID, includingDescendants: Bool = true) -> [ResolvedCitation] {
        let lookups = storage.lookups(citations, table: nodes)
        if !includingDescendants { return (lookups.byTarget[id] ?? []).map { citations[$0] } }
        guard let row = nodes.row(of: id) else { return [] }
        var offsets = nodes.range(at: row).offsets
        // An empty node (a § of a repealed range) still names itself.
        if offsets.isEmpty { return (lookups.byTarget[id] ?? []).map { citations[$0] } }
        offsets = offsets.lowerBound..<max(offsets.upperBound, offsets.lowerBound + 1)
        return Set(Self.slice(lookups.byTargetOffset, offsets)).sorted().map { citations[$0] }
    }

    /// The citation indices of the entries whose offset lies in `range`.
    private static func slice(_ entries: [(offset: Int, citation: Int)], _ range: Range<Int>) -> [Int] {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].offset < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var i = low
        while i < entries.count, entries[i].offset < range.upperBound {
            result.append(entries[i].citation)
            i += 1
        }
        return result
    }

    /// The citations with at least one target that does not exist in this version.
    public var unresolved: [ResolvedCitation] { citations.filter { !$0.isFullyResolved } }

    /// The ids of all nodes some citation names.
    public var citedNodeIDs: Set<NodeID> { Set(storage.lookups(citations, table: nodes).byTarget.keys) }

    /// One warning per unresolved target (code `R001`), located at the citation.
    public var diagnostics: [Diagnostic] {
        let unresolved = unresolved
        guard !unresolved.isEmpty else { return [] }
        let nodes = nodes
        var result: [Diagnostic] = []
        for citation in unresolved {
            for target in citation.unresolvedTargets {
                let place = citation.sourceID.map { nodes.place(of: $0) } ?? "-"
                let reason = target.message ?? target.reason?.rawValue ?? "unresolved"
                result.raise(
                    ReferenceDiagnostic.unresolved(citation: citation.citation.description, place: place, reason: reason),
                    at: citation.citation.span)
            }
        }
        return result
    }
}

/// The lookup tables of a graph's queries.
private struct Lookups: Sendable {
    var bySource: [NodeID: [Int]] = [:]
    var byTarget: [NodeID: [Int]] = [:]
    /// Citation indices by the byte offset where they stand, ascending.
    var bySpan: [(offset: Int, citation: Int)] = []
    /// (start offset of a target node, citation index), ascending: a node's subtree is a byte range, so the
    /// citations naming anything inside it are one slice.
    var byTargetOffset: [(offset: Int, citation: Int)] = []

    /// The tables of `citations`, whose targets are nodes of `table`.
    /// - Complexity: O(c log c) in the number of citations.
    init(_ citations: [ResolvedCitation], table: NodeTable) {
        for (i, citation) in citations.enumerated() {
            if let source = citation.sourceID {
                bySource[source, default: []].append(i)
                bySpan.append((citation.citation.span.start.offset, i))
            }
            var seen = Set<NodeID>()
            for target in citation.targets {
                if let id = target.nodeID, seen.insert(id).inserted {
                    byTarget[id, default: []].append(i)
                    if let row = table.row(of: id) { byTargetOffset.append((table.range(at: row).start.offset, i)) }
                }
            }
        }
        bySpan.sort { ($0.offset, $0.citation) < ($1.offset, $1.citation) }
        byTargetOffset.sort { ($0.offset, $0.citation) < ($1.offset, $1.citation) }
    }
}

/// What a graph builds on first use, shared by its copies. Its one mutable field is read and written under
/// `lock` only, which makes the class safe to send.
private final class Storage: @unchecked Sendable {
    private let lock = NSLock()
    private var builtLookups: Lookups?

    /// The lookup tables of `citations` over `table` (the graph's, which never change).
    func lookups(_ citations: [ResolvedCitation], table: NodeTable) -> Lookups {
        lock.lock()
        defer { lock.unlock() }
        if let builtLookups { return builtLookups }
        let lookups = Lookups(citations, table: table)
        builtLookups = lookups
        return lookups
    }
}
