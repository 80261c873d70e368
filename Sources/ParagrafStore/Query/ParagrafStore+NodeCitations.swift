import GRDB
import Paragraf
import ParagrafReferences

extension ParagrafStore {
    /// The citations standing in node `path` of `version` or below it, in text order, each with its target.
    /// An unknown path gives none (the caller has found the node already).
    /// - Complexity: one range scan of the document's citations.
    public func citations(in version: StoredVersion, under path: String) throws(StoreError) -> [NodeCitation] {
        guard let document = version.document else { return [] }
        return try read { db in
            guard let (first, last) = try subtree(db, document: document, path: path) else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT n.path, c.text, c.lead, c.status, c.reason, c.address, w.slug, v.name, v.type, v.number, v.year,
                        n.parent, c.node
                    FROM citations c JOIN nodes n ON n.id = c.node
                    LEFT JOIN works w ON w.id = c.target_work LEFT JOIN versions v ON v.id = c.target_version
                    WHERE c.id BETWEEN ? AND ? AND c.node BETWEEN ? AND ?
                    ORDER BY c.start, c.id
                    """,
                arguments: [
                    StoreCodes.nodeID(document: document, ordinal: 0),
                    StoreCodes.nodeID(document: document, ordinal: StoreCodes.maximumNodes - 1), first, last,
                ])
            return try rows.map { row in
                var citation = try Self.nodeCitation(db, row, document: document)
                if TargetStatus(rawValue: row[3]) == .resolved || TargetStatus(rawValue: row[3]) == .unresolved {
                    citation.work = version.work
                    citation.version = version.name
                    citation.versionLabel = version.label
                }
                return citation
            }
        }
    }

    /// The citations, from any document of the corpus, whose target is node `path` of `version` or a node below
    /// it: the provisions that cite it, its own version's included, by citing document then text order.
    public func citations(citing path: String, in version: StoredVersion, limit: Int = 500) throws(StoreError) -> [NodeCitation] {
        guard let document = version.document else { return [] }
        return try read { db in
            guard let (first, last) = try subtree(db, document: document, path: path) else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT n.path, c.text, c.lead, c.status, c.reason, c.address, w.slug, v.name, v.type, v.number, v.year,
                        n.parent, c.node, c.document, fw.slug, fv.name, fv.type, fv.number, fv.year
                    FROM citations c JOIN nodes n ON n.id = c.node
                    LEFT JOIN works w ON w.id = c.target_work LEFT JOIN versions v ON v.id = c.target_version
                    JOIN documents d ON d.id = c.document LEFT JOIN versions fv ON fv.id = d.version
                    LEFT JOIN works fw ON fw.id = fv.work
                    WHERE c.target BETWEEN ? AND ?
                    ORDER BY c.document = ? DESC, d.signed, c.document, c.start, c.id LIMIT ?
                    """, arguments: [first, last, document, max(1, limit)])
            return try rows.map { row in
                let from: Int64 = row[13]
                var citation = try Self.nodeCitation(db, row, document: from)
                citation.fromWork = row[14]
                citation.fromVersion = row[15]
                if let type: String = row[16] {
                    citation.fromLabel = DocumentSummary.label(type: type, number: row[17], year: row[18], signed: nil)
                }
                if citation.work == nil {
                    citation.work = version.work
                    citation.version = version.name
                    citation.versionLabel = version.label
                }
                return citation
            }
        }
    }

    /// The first and last node row ids of the subtree at `path` in `document`.
    private func subtree(_ db: Database, document: Int64, path: String) throws -> (Int64, Int64)? {
        let row = try Row.fetchOne(
            db, sql: "SELECT id, last FROM nodes WHERE id BETWEEN ? AND ? AND path = ? LIMIT 1",
            arguments: [
                StoreCodes.nodeID(document: document, ordinal: 0),
                StoreCodes.nodeID(document: document, ordinal: StoreCodes.maximumNodes - 1), path,
            ])
        guard let row else { return nil }
        let id: Int64 = row[0]
        let last: Int = row[1]
        return (id, StoreCodes.nodeID(document: document, ordinal: last))
    }

    /// A citation from the first 13 columns of the queries above (citing path, text, lead, status, reason,
    /// address, target work, version name, type, number, year, citing parent, citing node).
    private static func nodeCitation(_ db: Database, _ row: Row, document: Int64) throws -> NodeCitation {
        let lead = StoreCodes.lead(row[2])
        let status = TargetStatus(rawValue: row[3]) ?? .external
        let address: String? = row[5]
        let path: String = row[0]
        let parent: Int? = row[11]
        var label: String?
        if let type: String = row[8] { label = DocumentSummary.label(type: type, number: row[9], year: row[10], signed: nil) }
        return NodeCitation(
            path: path, place: try citationForm(db, path: path, document: document, parent: parent), text: row[1],
            lead: lead.rawValue, edge: CitationEdge(lead: lead), status: status.name, reason: row[4], address: address,
            cited: address.flatMap { NodeID(parsing: $0) }.flatMap { Address(id: $0) }?.description ?? "", work: row[6],
            version: row[7], versionLabel: label)
    }
}
