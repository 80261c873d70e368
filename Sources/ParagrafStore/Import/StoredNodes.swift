import GRDB
import Paragraf

/// Reads a document's node rows back from the database.
enum StoredNodes {
    /// The rows of document `id`, in document order.
    static func rows(_ db: Database, document id: Int64) throws -> [NodeRow] {
        var rows: [NodeRow] = []
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT parent, last, kind, path, number, label, title, text, start, end, label_start, label_end,
                    title_start, title_end, repealed
                FROM nodes WHERE id BETWEEN ? AND ? ORDER BY id
                """,
            arguments: [StoreCodes.nodeID(document: id, ordinal: 0), StoreCodes.nodeID(document: id, ordinal: StoreCodes.maximumNodes - 1)])
        while let row = try cursor.next() {
            rows.append(Self.row(row))
        }
        return rows
    }

    /// A node row from a result row with the columns of ``rows(_:document:)`` in that order.
    static func row(_ row: Row) -> NodeRow {
        let labelStart: Int? = row[10]
        let labelEnd: Int? = row[11]
        let titleStart: Int? = row[12]
        let titleEnd: Int? = row[13]
        let parent: Int? = row[0]
        let last: Int = row[1]
        let repealed: Int? = row[14]
        return NodeRow(
            parent: Int32(parent ?? -1), last: Int32(last), kind: StoreCodes.nodeKind(row[2]), path: row[3],
            number: row[4], label: row[5], title: row[6], text: row[7], start: row[8], end: row[9],
            labelRange: labelStart.flatMap { s in labelEnd.map { s..<max(s, $0) } },
            titleRange: titleStart.flatMap { s in titleEnd.map { s..<max(s, $0) } }, isRepealed: repealed == 1)
    }
}
