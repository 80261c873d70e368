import Paragraf
import ParagrafReferences

/// Turns the citations of a version (from ``ParagrafReferences/ReferenceGraph``) into ``InlineLink``s for
/// the exporters.
///
/// An internal citation links to the eId of its first resolved target ("§§ 12, 18 og 22" links to
/// § 12); a citation of another instrument by number and date ("bekendtgørelse nr. 1658 af 22. december
/// 2017") links to its ELI. Citations of acts named only by title ("sundhedsloven") have no URI Paragraf
/// can vouch for and stay plain text, as do unresolved ones.
public enum CitationLinker {
    /// The links of every leaf of `parsed`, keyed by node id.
    public static func links(for parsed: ParsedDocument) -> [NodeID: [InlineLink]] {
        links(graph: ReferenceGraph(parsed: parsed), document: parsed.document)
    }

    /// The links for the citations of `graph`, the graph of `document`.
    public static func links(graph: ReferenceGraph, document: Document) -> [NodeID: [InlineLink]] {
        let eIds = AkomaNtosoNaming.eIds(of: graph.nodes)
        var result: [NodeID: [InlineLink]] = [:]
        var cursors: [NodeID: Int] = [:]
        for resolved in graph.citations {
            let citation = resolved.citation
            guard let leafID = citation.nodeID ?? resolved.sourceID, let leaf = graph.nodes.node(leafID),
                let text = leaf.text
            else { continue }
            guard let href = href(resolved, eIds: eIds) else { continue }
            let bytes = Array(text.utf8)
            let needle = Array(citation.text.utf8)
            guard !needle.isEmpty, let at = find(needle, in: bytes, from: cursors[leafID] ?? 0) else { continue }
            cursors[leafID] = at + needle.count
            result[leafID, default: []].append(InlineLink(utf8Range: at..<(at + needle.count), href: href))
        }
        return result
    }

    static func href(_ resolved: ResolvedCitation, eIds: [NodeID: String]) -> String? {
        let citation = resolved.citation
        if citation.isInternal {
            guard let target = resolved.targets.first(where: { $0.nodeID != nil })?.nodeID, let eId = eIds[target] else {
                return nil
            }
            return "#" + eId
        }
        if let instrument = citation.instrument, let number = instrument.number, let date = instrument.date,
            [.lov, .lovbekendtgoerelse, .bekendtgoerelse].contains(instrument.type)
        {
            return LexDaniaImporter.eli(year: date.year, number: number)
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = max(0, start)
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
