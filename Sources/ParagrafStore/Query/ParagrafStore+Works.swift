import GRDB
import Paragraf
import ParagrafReferences

extension ParagrafStore {
    /// The works whose title (or id) has every word of `query` (folded as search folds: case and accents, æ, ø, å
    /// kept), by title; all works without a query.
    public func works(matching query: String? = nil) throws(StoreError) -> [StoredWork] {
        let words = query.map { TextFolding.words($0).map(\.word) } ?? []
        let all = try read { db in try Row.fetchAll(db, sql: StoredWork.query + " ORDER BY w.title, w.slug").map(StoredWork.init) }
        guard !words.isEmpty else { return all }
        return all.filter { work in
            let have = Set(TextFolding.words(work.title + " " + work.id.replacingOccurrences(of: "-", with: " ")).map(\.word))
            return words.allSatisfy { word in have.contains(word) || have.contains { $0.hasPrefix(word) } }
        }
    }

    /// The work named by `designation`: its id ("tandpleje"), the act a citation would name ("sundhedsloven",
    /// "lov om social service"), a version of it ("BEK 1077/2020"), or words of its title that only one work has.
    public func work(_ designation: String) throws(StoreError) -> StoredWork {
        let trimmed = designation.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .badRequest("no work named: give a work's id, e.g. tandpleje (see `paragraf works`)") }
        if let work = try read({ db in
            try Row.fetchOne(db.cachedStatement(sql: StoredWork.query + " WHERE w.slug = ?"), arguments: [trimmed.lowercased()])
                .map(StoredWork.init)
        }) {
            return work
        }
        if let act = CitationExtractor().act(named: trimmed)?.key,
            let work = try read({ db in
                try Row.fetchOne(db.cachedStatement(sql: StoredWork.query + " WHERE w.act_key = ?"), arguments: [act]).map(StoredWork.init)
            })
        {
            return work
        }
        if let version = try? version(trimmed, in: nil) { return try work(version.work) }
        let candidates = try works(matching: trimmed)
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw .notFound("no work \"\(trimmed)\" in the corpus (see `paragraf works`)")
        }
        let names = candidates.prefix(8).map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
        throw .notFound("\"\(trimmed)\" names \(candidates.count) works: \(names)\(candidates.count > 8 ? ", …" : ""); give one id")
    }

    /// The versions of a work, oldest first, amending instruments after the versions (or only the versions).
    public func versions(of work: StoredWork, includingAmendments: Bool = true) throws(StoreError) -> [StoredVersion] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: StoredVersion.query + """
                     WHERE w.slug = ? \(includingAmendments ? "" : "AND v.role = 'version'")
                    ORDER BY v.role <> 'version', coalesce(v.valid_from, v.signed), v.id
                    """, arguments: [work.id]
            ).map(StoredVersion.init)
        }
    }

    /// The version named by `designation` ("2020", "1077/2020", "BEK 1077/2020", "2020:1077", "tandpleje/2020"),
    /// within `work` when given.
    public func version(_ designation: String, in work: StoredWork?) throws(StoreError) -> StoredVersion {
        var text = designation.trimmingCharacters(in: .whitespaces)
        var workID = work?.id
        if let slash = text.firstIndex(of: "/"), workID == nil, !text[..<slash].allSatisfy(\.isNumber),
            !text[..<slash].contains(" ")
        {
            workID = String(text[..<slash])
            text = String(text[text.index(after: slash)...])
        }
        var conditions = ["v.name = ?"]
        var arguments: [any DatabaseValueConvertible] = [text]
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == ":" }).map(String.init)
        if parts.count == 2, let year = Int(parts[1]), year > 1000 {
            conditions.append("(v.number = ? AND v.year = ?)")
            arguments += [parts[0], year]
        } else if parts.count == 2, text.contains(":"), let year = Int(parts[0]) {
            conditions.append("(v.number = ? AND v.year = ?)")
            arguments += [parts[1], year]
        } else if parts.count == 3, let year = Int(parts[2]) {
            conditions.append("(v.type = ? AND v.number = ? AND v.year = ?)")
            arguments += [parts[0].uppercased(), parts[1], year]
        }
        var sql = StoredVersion.query + " WHERE (" + conditions.joined(separator: " OR ") + ")"
        if let workID {
            sql += " AND w.slug = ?"
            arguments.append(workID)
        }
        let found = try read { db in
            try Row.fetchAll(db, sql: sql + " ORDER BY v.id", arguments: StatementArguments(arguments)).map(StoredVersion.init)
        }
        if found.count == 1 { return found[0] }
        if found.count > 1 {
            let names = found.map { "\($0.work)/\($0.name)" }.joined(separator: ", ")
            throw .notFound("\"\(designation)\" names several versions: \(names); write WORK/VERSION")
        }
        if let work {
            let known = try versions(of: work).map(\.name).joined(separator: ", ")
            throw .notFound("no version \"\(designation)\" of \(work.id); versions: \(known)")
        }
        throw .notFound("no version \"\(designation)\" in the corpus (see `paragraf versions WORK`)")
    }

    /// The version of `work` that applied on `date`, or nil (with the reason) when none did as far as the corpus
    /// knows.
    public func version(of work: StoredWork, inForceOn date: LegalDate) throws(StoreError) -> StoredVersion {
        let all = try versions(of: work, includingAmendments: false)
        if let found = all.last(where: { $0.isInForce(on: date) }) { return found }
        if let first = all.compactMap(\.validFrom).min(), date < first {
            throw .notFound("no version of \(work.id) was in force on \(date); the earliest in the corpus applied from \(first)")
        }
        throw .notFound("no version of \(work.id) in the corpus was in force on \(date)")
    }

    /// The summary of document `id`.
    public func documentSummary(_ id: Int64) throws(StoreError) -> DocumentSummary {
        guard
            let found = try read({ db in
                try Row.fetchOne(db, sql: "SELECT \(DocumentSummary.columns) FROM documents d WHERE d.id = ?", arguments: [id])
                    .map { DocumentSummary(row: $0) }
            })
        else { throw .notFound("no document \(id) in the database") }
        return found
    }

    /// Counts of what the database holds.
    public func counts() throws(StoreError) -> StoreCounts {
        try read { db in
            StoreCounts(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                works: try Int.fetchOne(db, sql: "SELECT count(*) FROM works") ?? 0,
                versions: try Int.fetchOne(db, sql: "SELECT count(*) FROM versions") ?? 0,
                nodes: try Int.fetchOne(db, sql: "SELECT sum(nodes) FROM documents") ?? 0,
                citations: try Int.fetchOne(db, sql: "SELECT count(*) FROM citations") ?? 0,
                failures: try Int.fetchOne(db, sql: "SELECT count(*) FROM failures") ?? 0)
        }
    }
}
