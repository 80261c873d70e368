import GRDB
import Paragraf
import ParagrafReferences

extension ParagrafStore {
    /// Every provision in the corpus that cites `target` ("sundhedsloven § 135", "§ 64 b i sundhedsloven",
    /// "§ 104 i lov om social service") or a part of it, in any version of its work, from another document; by
    /// the citing document's date.
    public func citedBy(_ target: String) throws(StoreError) -> CitedByResult {
        let query = try CitationTargetQuery.parse(target, in: self)
        let rows = try read { db in
            try citingRows(db, work: query.work.id, path: query.path, legalBasisInPreambleOnly: false)
        }
        return CitedByResult(
            target: query.description, work: query.work.id, citations: rows,
            documents: Set(rows.map(\.document.id)).count)
    }

    /// The bekendtgørelser (and other documents) whose preamble names `target` as legal basis ("I medfør af
    /// § 134, stk. 2, … i sundhedsloven"), by date.
    public func issuedUnder(_ target: String) throws(StoreError) -> IssuedUnderResult {
        let query = try CitationTargetQuery.parse(target, in: self)
        let (rows, without) = try read { db in
            let rows = try citingRows(db, work: query.work.id, path: query.path, legalBasisInPreambleOnly: true)
            let without =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM versions v JOIN documents d ON d.id = v.document
                        WHERE v.role = 'version' AND d.type = 'BEK' AND NOT EXISTS (
                            SELECT 1 FROM documents s JOIN nodes n ON n.id BETWEEN s.id << 24 AND (s.id << 24) + 8
                            WHERE s.version = v.id AND n.path = 'preamble')
                        """) ?? 0
            return (rows, without)
        }
        var documents: [IssuedUnderResult.IssuedDocument] = []
        var index: [Int64: Int] = [:]
        for row in rows {
            if let i = index[row.document.id] {
                if !row.cited.isEmpty, !documents[i].provisions.contains(row.cited) { documents[i].provisions.append(row.cited) }
                continue
            }
            index[row.document.id] = documents.count
            let version = try? self.version(row.version ?? "", in: row.work.map { try self.work($0) })
            documents.append(
                .init(
                    document: row.document, work: row.work, validFrom: version?.validFrom, validTo: version?.validTo,
                    provisions: row.cited.isEmpty ? [] : [row.cited], citedVersion: row.citedVersion))
        }
        return IssuedUnderResult(target: query.description, work: query.work.id, documents: documents, withoutPreamble: without)
    }

    /// The legal basis of a version ("BEK 1077/2020", "tandpleje/2020", or a work for its latest version): the
    /// provisions its preamble names after "I medfør af", each resolved to the act's version of the day.
    public func basis(of designation: String) throws(StoreError) -> BasisResult {
        let version: StoredVersion
        if let found = try? self.version(designation, in: nil) {
            version = found
        } else {
            let work = try self.work(designation)
            guard let latest = try versions(of: work, includingAmendments: false).last else {
                throw .notFound("\(work.id) has no versions")
            }
            version = latest
        }
        return try read { db in
            // The sources of the version that have a preamble, the preferred one first.
            let sources = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, n.id, n.text FROM documents d JOIN nodes n ON n.id BETWEEN d.id << 24 AND (d.id << 24) + 8
                    WHERE d.version = ? AND n.path = 'preamble' ORDER BY d.id = ? DESC, d.id
                    """, arguments: [version.id, version.document])
            guard let first = sources.first else {
                let formats = try String.fetchAll(
                    db, sql: "SELECT DISTINCT format FROM documents WHERE version = ?", arguments: [version.id])
                let note =
                    version.hasText
                    ? "the sources of \(version.label) (\(formats.joined(separator: ", "))) have no preamble, so its legal basis is not in the corpus"
                    : "the text of \(version.label) is not in the corpus"
                return BasisResult(version: version, preamble: nil, provisions: [], note: note)
            }
            let source: Int64 = first[0]
            let preamble: String? = first[2]
            let rows = try citingRows(db, document: source, node: first[1])
            let basis = rows.filter { $0.edge == .legalBasis || $0.lead == LeadWord.jf.rawValue }
            return BasisResult(
                version: version, preamble: preamble, provisions: basis,
                note: basis.isEmpty ? "the preamble names no provision after \"i medfør af\" or \"med hjemmel i\"" : nil)
        }
    }

    /// The citations of a work's provision (or the whole work, `path` nil) from other documents: from the preferred
    /// source of each version only, so that a version imported twice (a text and the dataset's JSON) counts once.
    private func citingRows(_ db: Database, work: String, path: String?, legalBasisInPreambleOnly: Bool) throws -> [CitingProvision] {
        var sql = """
            SELECT c.document, c.node, c.text, c.lead, c.status, c.reason, c.address, c.target_version, n.path, n.text, n.parent
            FROM citations c JOIN nodes n ON n.id = c.node JOIN versions cv ON cv.document = c.document
            WHERE c.target_work = (SELECT id FROM works WHERE slug = ?)
            """
        var arguments: [any DatabaseValueConvertible] = [work]
        if let path {
            sql += " AND (c.address = ? OR (c.address >= ? AND c.address < ?))"
            arguments += [path, path + "/", path + "0"]
        }
        if legalBasisInPreambleOnly {
            sql +=
                " AND n.path = 'preamble' AND c.lead IN (\(StoreCodes.code(LeadWord.iMedfoerAf)), \(StoreCodes.code(LeadWord.medHjemmelI)))"
        }
        return try provisions(db, sql: sql, arguments: arguments)
    }

    /// The citations standing in node `node` of `document`.
    private func citingRows(_ db: Database, document: Int64, node: Int64) throws -> [CitingProvision] {
        try provisions(
            db,
            sql: """
                SELECT c.document, c.node, c.text, c.lead, c.status, c.reason, c.address, c.target_version, n.path, n.text, n.parent
                FROM citations c JOIN nodes n ON n.id = c.node WHERE c.document = ? AND c.node = ? ORDER BY c.start, c.id
                """, arguments: [document, node], sorted: false)
    }

    /// Citing provisions from rows of (document, node, text, lead, status, reason, address, target version,
    /// node path, node text, node parent).
    private func provisions(
        _ db: Database, sql: String, arguments: [any DatabaseValueConvertible], sorted: Bool = true
    ) throws -> [CitingProvision] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        // The documents and cited versions of all rows in two queries (a provision cited by hundreds of
        // documents would otherwise cost two queries per document).
        let documentIDs = Array(Set(rows.map { $0[0] as Int64 }))
        let versionIDs = Array(Set(rows.compactMap { $0[7] as Int64? }))
        var documents: [Int64: (DocumentSummary, String?, String?)] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(DocumentSummary.columns), w.slug, v.name FROM documents d
                    LEFT JOIN versions v ON v.id = d.version LEFT JOIN works w ON w.id = v.work
                    WHERE d.id IN (SELECT value FROM json_each(?))
                    """), arguments: [Self.jsonList(documentIDs)])
        {
            let summary = DocumentSummary(row: row)
            documents[summary.id] = (summary, row[14], row[15])
        }
        var versions: [Int64: String] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, type, number, year FROM versions WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [Self.jsonList(versionIDs)])
        {
            versions[row[0]] = DocumentSummary.label(type: row[1], number: row[2], year: row[3], signed: nil)
        }
        var result: [CitingProvision] = []
        for row in rows {
            let id: Int64 = row[0]
            guard let (summary, work, version) = documents[id] else { continue }
            let targetVersion: Int64? = row[7]
            let lead = StoreCodes.lead(row[3])
            let status = TargetStatus(rawValue: row[4]) ?? .external
            let address: String? = row[6]
            let parent: Int? = row[10]
            result.append(
                CitingProvision(
                    document: summary, work: work, version: version,
                    place: try Self.citationForm(db, path: row[8], document: id, parent: parent), path: row[8],
                    citation: row[2], lead: lead.rawValue, edge: CitationEdge(lead: lead),
                    cited: address.flatMap { NodeID(parsing: $0) }.flatMap { Address(id: $0) }?.description ?? "",
                    citedVersion: targetVersion.flatMap { versions[$0] },
                    status: status.name, reason: row[5], sentence: row[9] ?? ""))
        }
        guard sorted else { return result }
        return result.enumerated().sorted { a, b in
            let da = a.element.document.inForce ?? a.element.document.signed ?? .distant
            let db = b.element.document.inForce ?? b.element.document.signed ?? .distant
            return (da, a.element.document.id, a.offset) < (db, b.element.document.id, b.offset)
        }.map(\.element)
    }

    /// `[1,2,3]`, for `json_each(?)`.
    static func jsonList(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}
