import GRDB
import Paragraf
import ParagrafReferences

extension ParagrafStore {
    /// Every unresolved citation in the corpus: counts per document type and the first `limit` cases; only the
    /// preferred source of each version is checked (a second source would count its findings twice), and only
    /// versions proper (an amending act's "§ 3" is the amended act's).
    /// - Parameter types: only these document types, when not empty.
    public func checkAll(limit: Int = 20, types: [String] = []) throws(StoreError) -> CheckReport {
        try read { db in
            var filter = " AND v.role = 'version'"
            var arguments: [any DatabaseValueConvertible] = []
            if !types.isEmpty {
                filter = " AND d.type IN (\(types.map { _ in "?" }.joined(separator: ", ")))"
                arguments = types.map { $0.uppercased() }
            }
            // One pass over the citations that lead nowhere, per document (a document's citations are one
            // range of ids: id >> 24 is the document).
            let counts = try Row.fetchAll(
                db,
                sql: """
                    WITH bad AS (
                        SELECT c.id >> 24 AS document, sum(c.status = 1) AS unresolved, sum(c.status = 4) AS missing
                        FROM citations c WHERE c.status IN (1, 4) GROUP BY c.id >> 24)
                    SELECT d.type, count(*), sum(coalesce(b.unresolved, 0) > 0), sum(coalesce(b.unresolved, 0)),
                        sum(coalesce(b.missing, 0))
                    FROM versions v JOIN documents d ON d.id = v.document LEFT JOIN bad b ON b.document = d.id
                    WHERE 1 \(filter)
                    GROUP BY d.type ORDER BY count(*) DESC, d.type
                    """, arguments: StatementArguments(arguments))
            let typeCounts = counts.map { row in
                CheckReport.TypeCount(type: row[0], documents: row[1], documentsWithFindings: row[2], unresolved: row[3], missing: row[4])
            }
            var cases: [CheckReport.Finding] = []
            for status in [TargetStatus.unresolved, .missing] where cases.count < limit {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(DocumentSummary.columns), n.path, n.parent, c.text, c.lead, c.reason, n.text
                        FROM citations c JOIN versions v ON v.document = c.document JOIN documents d ON d.id = c.document
                        JOIN nodes n ON n.id = c.node
                        WHERE c.status = ? \(filter)
                        ORDER BY d.type, coalesce(d.in_force, d.signed) DESC, d.id, c.start LIMIT ?
                        """, arguments: StatementArguments([status.rawValue] + arguments + [limit - cases.count]))
                for row in rows {
                    let summary = DocumentSummary(row: row)
                    let lead = StoreCodes.lead(row[17])
                    let text: String = row[16]
                    cases.append(
                        CheckReport.Finding(
                            document: summary, place: try Self.citationForm(db, path: row[14], document: summary.id, parent: row[15]),
                            citation: lead == .none ? text : "\(lead.rawValue) \(text)", status: status.name,
                            reason: row[18] ?? "does not resolve", sentence: row[19] ?? ""))
                }
            }
            let notChecked =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM versions v WHERE v.document IS NOT NULL AND v.role <> 'version'") ?? 0
            return CheckReport(
                documents: typeCounts.reduce(0) { $0 + $1.documents }, notChecked: notChecked,
                unresolved: typeCounts.reduce(0) { $0 + $1.unresolved },
                missing: typeCounts.reduce(0) { $0 + $1.missing }, types: typeCounts, cases: cases)
        }
    }
}
