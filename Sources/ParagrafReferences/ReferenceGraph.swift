/// The citations of one version as a graph: outgoing citations of any node, incoming ones (cited by), and
/// the citations that lead nowhere.
///
/// Build it once per version; lookups are dictionary accesses plus a walk over the node's ancestors.
///
/// ```swift
/// let parsed = RegulationParser.parse(bytes, sourceName: "2020-bek-tandpleje.txt")
/// let graph = ReferenceGraph(parsed: parsed)
/// for cite in graph.incoming(to: "p12") { print(cite.sourceID ?? "-", cite.citation) }
/// ```
public struct ReferenceGraph: Sendable {
    /// The index of the version.
    public let index: NodeIndex
    /// Every citation of the version, resolved, in document order.
    public let citations: [ResolvedCitation]
    private let bySource: [String: [Int]]
    private let byTarget: [String: [Int]]

    /// Extracts and resolves every citation of a parsed document.
    /// - Complexity: O(n) in the size of the source plus the number of targets.
    public init(parsed: ParsedDocument, extractor: CitationExtractor = CitationExtractor()) {
        self.init(document: parsed.document, source: parsed.source, extractor: extractor)
    }

    /// Extracts and resolves every citation of `document`, whose ranges index `source`.
    public init(document: Document, source: SourceText, extractor: CitationExtractor = CitationExtractor()) {
        let index = document.index()
        let resolver = CitationResolver(index: index)
        let found = extractor.citations(in: document, source: source)
        self.init(index: index, citations: found.map { resolver.resolve($0) })
    }

    /// A graph over citations already resolved against `index`.
    public init(index: NodeIndex, citations: [ResolvedCitation]) {
        self.index = index
        self.citations = citations
        var bySource: [String: [Int]] = [:]
        var byTarget: [String: [Int]] = [:]
        for (i, citation) in citations.enumerated() {
            if let source = citation.sourceID { bySource[source, default: []].append(i) }
            var seen = Set<String>()
            for target in citation.targets {
                if let id = target.nodeID, seen.insert(id).inserted { byTarget[id, default: []].append(i) }
            }
        }
        self.bySource = bySource
        self.byTarget = byTarget
    }

    /// The citations whose text stands in node `id` (and, by default, in its descendants), in document order.
    public func outgoing(from id: String, includingDescendants: Bool = true) -> [ResolvedCitation] {
        if !includingDescendants { return (bySource[id] ?? []).map { citations[$0] } }
        return citations.filter { citation in
            guard let source = citation.sourceID else { return false }
            return source == id || source.hasPrefix(id + "/") || (id == "document")
                || isDescendant(source, of: id)
        }
    }

    /// The citations that name node `id` (and, by default, any node inside it), in document order: who
    /// cites "§ 12" includes who cites "§ 12, stk. 2".
    public func incoming(to id: String, includingDescendants: Bool = true) -> [ResolvedCitation] {
        if !includingDescendants { return (byTarget[id] ?? []).map { citations[$0] } }
        var indices = Set<Int>()
        for (target, list) in byTarget where target == id || target.hasPrefix(id + "/") || isDescendant(target, of: id) {
            indices.formUnion(list)
        }
        return indices.sorted().map { citations[$0] }
    }

    /// The citations with at least one target that does not exist in this version.
    public var unresolved: [ResolvedCitation] { citations.filter { !$0.isFullyResolved } }

    /// The ids of all nodes some citation names.
    public var citedNodeIDs: Set<String> { Set(byTarget.keys) }

    /// One warning per unresolved target (code `R001`), located at the citation.
    public var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        for citation in citations {
            for target in citation.unresolvedTargets {
                let place = citation.sourceID.map { index.place(of: $0) } ?? "-"
                let reason = target.message ?? target.reason?.rawValue ?? "unresolved"
                result.append(
                    Diagnostic(
                        code: ReferenceDiagnosticCode.unresolved, severity: .warning,
                        message: "citation \"\(citation.citation.description)\" in \(place) does not resolve: \(reason)",
                        range: citation.citation.span))
            }
        }
        return result
    }

    private func isDescendant(_ id: String, of ancestor: String) -> Bool {
        // Chapters and annexes contain sections whose ids do not share their prefix ("kap3" holds "p12").
        guard ancestor.hasPrefix("kap") || ancestor.hasPrefix("bilag") || ancestor.hasPrefix("part") else { return false }
        return index.path(to: id).contains { $0.id == ancestor }
    }
}

/// The stable codes of the reference diagnostics.
public enum ReferenceDiagnosticCode {
    /// A citation target that does not exist in the version it stands in.
    public static let unresolved = "R001"
    /// A § number that repeats or skips (a gap in the numbering).
    public static let sectionNumbering = "R002"
    /// A stk. number that repeats or skips.
    public static let subsectionNumbering = "R003"
    /// An item number that repeats or skips.
    public static let itemNumbering = "R004"
}
