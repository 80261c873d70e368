import Foundation
import GRDB
import Paragraf

/// What a search looks at.
public struct SearchOptions: Sendable, Hashable {
    /// The day whose versions are searched; nil for today. Ignored with ``allVersions``.
    public var date: LegalDate?
    /// Search every version, in force or not.
    public var allVersions = false
    /// Only these document types ("BEK", "LBK", "LOV", …); all when empty.
    public var types: [String] = []
    /// Only this work (an id or anything ``ParagrafStore/work(_:)`` accepts).
    public var work: String?
    /// At most this many hits.
    public var limit = 20

    /// Today's versions of every work, 20 hits.
    public init() {}
}

extension ParagrafStore {
    /// The provisions that match `text` (see ``SearchQuery`` for the syntax), best first by bm25, each with the
    /// hit in context, its address, document and version. By default only the versions in force today are
    /// searched (one source per version: the fullest).
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws(StoreError) -> SearchResults {
        let query = try SearchQuery(text)
        let limit = max(1, min(options.limit, 10_000))
        let date = options.allVersions ? nil : (options.date ?? LegalDate.today)
        var work: String?
        if let name = options.work { work = try self.work(name).id }
        var filter = "v.document IS NOT NULL"
        var arguments: [any DatabaseValueConvertible] = [query.expression]
        if let date {
            filter += " AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?)"
            arguments += [date.description, date.description]
        }
        if !options.types.isEmpty {
            filter += " AND v.type IN (\(options.types.map { _ in "?" }.joined(separator: ", ")))"
            arguments += options.types.map { $0.uppercased() as any DatabaseValueConvertible }
        }
        if let work {
            filter += " AND v.work = (SELECT id FROM works WHERE slug = ?)"
            arguments.append(work)
        }
        arguments.append(limit + 1)
        let sql = """
            SELECT rowid, bm25(search) AS score FROM search
            WHERE search MATCH ? AND (rowid >> 24) IN (SELECT v.document FROM versions v WHERE \(filter))
            ORDER BY score LIMIT ?
            """
        let highlights = query.highlights
        return try read { db in
            let found = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            var hits: [SearchHit] = []
            for (rank, row) in found.prefix(limit).enumerated() {
                hits.append(try hit(db, unit: row[0], score: row[1], rank: rank + 1, highlights: highlights))
            }
            return SearchResults(query: text, expression: query.expression, date: date, hits: hits, more: found.count > limit)
        }
    }

    /// The details of one hit: the stk. of the § that holds most of the marked words, with its text around them.
    private func hit(_ db: Database, unit: Int64, score: Double, rank: Int, highlights: [(word: String, prefix: Bool)]) throws -> SearchHit {
        let document = StoreCodes.document(ofNode: unit)
        let first = StoreCodes.ordinal(ofNode: unit)
        guard let last = try Int.fetchOne(db, sql: "SELECT last FROM nodes WHERE id = ?", arguments: [unit]) else {
            throw StoreError.corrupt(path: path, detail: "the full-text index names node \(unit), which is not in the node table")
        }
        var rows: [NodeRow] = []
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT parent, last, kind, path, number, label, title, text, start, end, label_start, label_end,
                    title_start, title_end, repealed
                FROM nodes WHERE id BETWEEN ? AND ? ORDER BY id
                """, arguments: [unit, StoreCodes.nodeID(document: document, ordinal: last)])
        while let row = try cursor.next() {
            var node = StoredNodes.row(row)
            node.last -= Int32(first)
            node.parent -= Int32(first)
            rows.append(node)
        }
        guard !rows.isEmpty else { throw StoreError.corrupt(path: path, detail: "node \(unit) has no rows") }
        // The unit's own text, or the stk. (its direct children) with the most marks.
        var best = (index: 0, context: SearchContext.make(UnitText.text(rows, 0), highlights: highlights))
        let stks = (1..<rows.count).filter { rows[$0].parent == 0 && rows[$0].kind == .subsection }
        if !stks.isEmpty {
            best = (stks[0], SearchContext.make(UnitText.text(rows, stks[0]), highlights: highlights))
            for k in stks.dropFirst() {
                let candidate = SearchContext.make(UnitText.text(rows, k), highlights: highlights)
                if candidate.1.count > best.context.1.count { best = (k, candidate) }
            }
        }
        let path = rows[best.index].path
        let summary = try Row.fetchOne(db, sql: "SELECT \(DocumentSummary.columns) FROM documents d WHERE d.id = ?", arguments: [document])
            .map { DocumentSummary(row: $0) }
        let version = try Row.fetchOne(
            db,
            sql: "SELECT w.slug, v.name, v.valid_from, v.valid_to FROM versions v JOIN works w ON w.id = v.work WHERE v.document = ?",
            arguments: [document])
        guard let summary else { throw StoreError.corrupt(path: self.path, detail: "node \(unit) belongs to no document") }
        return SearchHit(
            rank: rank, score: score,
            address: Self.citationForm(path: path, stks: best.index == 0 ? 0 : stks.count), path: path,
            document: summary, work: version?[0], version: version?[1],
            validFrom: (version?[2] as String?).flatMap(LegalDate.init), validTo: (version?[3] as String?).flatMap(LegalDate.init),
            context: best.context.0, marks: best.context.1)
    }

    /// A node id in citation form when the number of stk. of its § is known: "§ 21, stk. 3", "§ 21" for the
    /// only stk. of a §.
    static func citationForm(path: String, stks: Int) -> String {
        guard let id = NodeID(parsing: path), var address = Address(id: id) else { return path.hasPrefix("unplaced") ? "uplaceret tekst" : path }
        if address.subsection == 1, address.item == nil, address.sentence == nil, stks <= 1 { address.subsection = nil }
        return address.description
    }

    /// A node id in citation form: "§ 21, stk. 3" ("§ 21" when stk. 1 is the §'s only stk.), "bilag 1",
    /// "indledning"; the nearest addressable ancestor for a node without an address of its own.
    static func citationForm(_ db: Database, path: String, document: Int64, parent: Int?) throws -> String {
        var parts = path.split(separator: "/").map(String.init)
        while !parts.isEmpty {
            if let id = NodeID(parsing: parts.joined(separator: "/")), var address = Address(id: id) {
                if address.subsection == 1, address.item == nil, address.sentence == nil, let parent,
                    parts.count == path.split(separator: "/").count
                {
                    // Stk. 1 of a § with one stk. is cited as the §.
                    let sectionID = StoreCodes.nodeID(document: document, ordinal: parent)
                    let last = try Int.fetchOne(db, sql: "SELECT last FROM nodes WHERE id = ?", arguments: [sectionID]) ?? parent
                    let stks = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM nodes WHERE id BETWEEN ? AND ? AND parent = ? AND kind = ?",
                        arguments: [sectionID, StoreCodes.nodeID(document: document, ordinal: last), parent, StoreCodes.code(NodeKind.subsection)]
                    ) ?? 0
                    if stks <= 1 { address.subsection = nil }
                }
                return address.description
            }
            parts.removeLast()
        }
        return path.hasPrefix("unplaced") ? "uplaceret tekst" : path
    }
}

extension LegalDate {
    /// Today, in Denmark's calendar (Europe/Copenhagen).
    public static var today: LegalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LegalDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
