import Foundation
import GRDB
import Paragraf

/// Writes prepared documents into the database and removes replaced ones, with statements prepared once per
/// batch. Runs inside the caller's transaction.
struct ImportWriter {
    private let db: Database
    private let insertDocument: Statement
    private let insertNode: Statement
    private let insertUnit: Statement
    private let insertCitation: Statement

    init(_ db: Database) throws {
        self.db = db
        insertDocument = try db.makeStatement(
            sql: """
                INSERT INTO documents(id, key, sha256, source, format, type, rtype, role, number, year, title, signed,
                    in_force, eli, accession, dataset_id, partial, bytes, nodes, warnings, metadata, diagnostics, lines,
                    amends, repeals, basis_act, manifest_work, manifest_version, imported)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertNode = try db.makeStatement(
            sql: """
                INSERT INTO nodes(id, parent, last, kind, path, number, label, title, text, start, end,
                    label_start, label_end, title_start, title_end, repealed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertUnit = try db.makeStatement(sql: "INSERT INTO search(rowid, body) VALUES (?, ?)")
        insertCitation = try db.makeStatement(
            sql: """
                INSERT INTO citations(id, document, node, citation, start, end, lead, kind, text, act, instrument, address,
                    status, reason, target)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// The next free document id.
    static func nextDocumentID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0) + 1
    }

    /// Writes `document` under `id`.
    func write(_ document: PreparedDocument, id: Int64, now: String) throws {
        var d = RowBinder(insertDocument, db)
        d.bind(id)
        d.bind(document.key)
        d.bind(document.sha256)
        d.bind(document.source)
        d.bind(document.format)
        d.bind(document.type)
        d.bind(document.rtype)
        d.bind(document.role.rawValue)
        d.bind(document.number)
        d.bind(document.year)
        d.bind(document.title)
        d.bind(document.signed?.description)
        d.bind(document.inForce?.description)
        d.bind(document.eli)
        d.bind(document.accession)
        d.bind(document.datasetID)
        d.bind(document.isPartial ? 1 : 0)
        d.bind(document.bytes)
        d.bind(document.rows.count)
        d.bind(document.warnings)
        d.bind(blob: [UInt8](document.metadata))
        d.bind(blob: document.diagnostics.map { [UInt8]($0) })
        d.bind(blob: document.lines)
        d.bind(blob: document.amends.isEmpty ? nil : [UInt8](try JSONEncoder().encode(document.amends)))
        d.bind(document.repeals.isEmpty ? nil : document.repeals.joined(separator: ";"))
        d.bind(document.basisAct)
        d.bind(document.manifestWork)
        d.bind(document.manifestVersion)
        d.bind(now)
        try d.run()
        for (ordinal, row) in document.rows.enumerated() {
            var n = RowBinder(insertNode, db)
            n.bind(StoreCodes.nodeID(document: id, ordinal: ordinal))
            n.bind(row.parent < 0 ? nil : Int(row.parent))
            n.bind(Int(row.last))
            n.bind(StoreCodes.code(row.kind))
            n.bind(row.path)
            n.bind(row.number)
            n.bind(row.label)
            n.bind(row.title)
            n.bind(row.text)
            n.bind(row.start)
            n.bind(row.end)
            n.bind(row.labelRange?.lowerBound)
            n.bind(row.labelRange?.upperBound)
            n.bind(row.titleRange?.lowerBound)
            n.bind(row.titleRange?.upperBound)
            n.bind(row.isRepealed ? 1 : nil)
            try n.run()
        }
        for unit in document.units {
            var u = RowBinder(insertUnit, db)
            u.bind(StoreCodes.nodeID(document: id, ordinal: Int(unit.ordinal)))
            u.bind(unit.body)
            try u.run()
        }
        for (number, row) in document.citations.enumerated() {
            var c = RowBinder(insertCitation, db)
            c.bind(StoreCodes.nodeID(document: id, ordinal: number))
            c.bind(id)
            c.bind(StoreCodes.nodeID(document: id, ordinal: Int(row.node)))
            c.bind(Int(row.citation))
            c.bind(row.start)
            c.bind(row.end)
            c.bind(StoreCodes.code(row.lead))
            c.bind(StoreCodes.code(row.kind))
            c.bind(row.text)
            c.bind(row.act)
            c.bind(row.instrument)
            c.bind(row.address)
            c.bind(row.status.rawValue)
            c.bind(row.reason)
            c.bind(row.target.map { StoreCodes.nodeID(document: id, ordinal: Int($0)) })
            try c.run()
        }
    }

    /// Removes document `id`: its nodes, its entries in the full-text index (given back exactly as they were
    /// indexed, as a contentless index needs) and its citations. Citations of other documents that pointed into
    /// it are relinked by the next link.
    func delete(documentID id: Int64) throws {
        let rows = try StoredNodes.rows(db, document: id)
        let deleteUnit = try db.cachedStatement(sql: "INSERT INTO search(search, rowid, body) VALUES('delete', ?, ?)")
        for unit in UnitText.units(rows) {
            try deleteUnit.execute(arguments: [StoreCodes.nodeID(document: id, ordinal: Int(unit.ordinal)), unit.body])
        }
        try db.execute(
            sql: "DELETE FROM nodes WHERE id BETWEEN ? AND ?",
            arguments: [StoreCodes.nodeID(document: id, ordinal: 0), StoreCodes.nodeID(document: id, ordinal: StoreCodes.maximumNodes - 1)])
        try db.execute(
            sql: "DELETE FROM citations WHERE id BETWEEN ? AND ?",
            arguments: [StoreCodes.nodeID(document: id, ordinal: 0), StoreCodes.nodeID(document: id, ordinal: StoreCodes.maximumNodes - 1)])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    /// Records a failed input (replacing an earlier failure of the same source).
    func recordFailure(_ failure: ImportFailure, now: String) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO failures(source, sha256, bytes, reason, imported) VALUES (?, ?, ?, ?, ?)",
            arguments: [failure.source, failure.sha256, failure.bytes, failure.reason, now])
    }
}
