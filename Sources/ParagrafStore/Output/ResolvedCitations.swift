import Paragraf
import ParagrafReferences

/// A citation as written in a regulation, resolved in one version: `paragraf resolve VERSION CITATION --format
/// json`, and the MCP tool `resolve_citation`.
public struct ResolvedCitations: Encodable, Sendable {
    /// One citation read from the text, with the text of each target (nil: not in this version).
    public struct Entry: Encodable, Sendable {
        /// The citation and its targets.
        public var citation: ResolvedCitationRow
        /// Each target's text, in the order of `citation.targets`.
        public var texts: [String?]
    }

    /// The schema version.
    public var schemaVersion = 1
    /// The version the citation was resolved in.
    public var version: String
    /// The provision the citation stands in (`--from`).
    public var from: NodeID?
    /// The citations read.
    public var resolved: [Entry]
    /// Whether a target does not resolve, or lies outside the regulation (the command's exit status 1).
    public var failed: Bool {
        resolved.contains { $0.citation.targets.isEmpty || $0.citation.targets.contains { $0.status != .resolved } }
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, version, from, resolved }

    /// Reads `citation` ("jf. dog § 17, stk. 3", "stk. 3" with `from`) as `parsed` would, and resolves it there.
    /// Errors are the command line's: a bad `from`, no citation found, a relative citation without `from`.
    public static func resolve(_ citation: String, from: String?, in parsed: ParsedDocument, version: String)
        throws(StoreError) -> ResolvedCitations
    {
        let index = parsed.document.nodeTable()
        var fromID: NodeID?
        if let from {
            let address: Address
            do { address = try Address.parse(from) } catch { throw .badRequest(String(describing: error)) }
            switch index.lookup(address) {
            case .failure(let error): throw .badRequest("\(version): --from: \(error.description)")
            case .success(let node): fromID = node.id
            }
        }
        let source = SourceText(bytes: Array(citation.utf8))
        var citations = CitationExtractor().citations(in: source, range: 0..<source.bytes.count, nodeID: fromID)
        if citations.isEmpty, let address = try? Address.parse(citation) {
            // A bare address the extractor does not read as a citation ("§17 stk 3").
            citations = [
                Citation(
                    text: address.description, span: source.range(0, source.bytes.count), kind: .internalAbsolute,
                    targets: [CitationTarget(address: address)], nodeID: fromID)
            ]
        }
        guard !citations.isEmpty else {
            throw .badRequest("no citation found in \"\(citation)\"; write it as in the text, e.g. \"§ 17, stk. 3\"")
        }
        if fromID == nil, citations.contains(where: { $0.targets.contains(where: \.isRelative) }) {
            throw .badRequest("\"\(citation)\" is relative: say where it stands with --from, e.g. --from \"§ 1, stk. 2\"")
        }
        let resolver = CitationResolver(nodes: index)
        let entries = citations.map { c in
            let r = resolver.resolve(c, from: fromID)
            let row = ResolvedCitationRow(r, index: index, locations: source.locations)
            let texts = r.targets.map { t in t.nodeID.flatMap { index.node($0) }.map { ProvisionFormatter().format($0) } }
            return Entry(citation: row, texts: texts)
        }
        return ResolvedCitations(version: version, from: fromID, resolved: entries)
    }
}
