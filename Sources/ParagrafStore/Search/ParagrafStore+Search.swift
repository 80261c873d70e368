import Foundation
import GRDB
import Paragraf

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
        let filter = AllowedDocuments.Filter(date: date?.description, types: options.types.map { $0.uppercased() }, work: work)
        let highlights = query.highlights
        let anchors = query.anchors.map { Array($0.utf8) }
        return try read { db in
            let allowed = try self.allowed.documents(db, filter)
            // The best-ranked rows first; the filter is applied here, on a window that grows until it holds
            // enough hits (a rare word's matches all fit in the first).
            var window = max(512, 32 * (limit + 1))
            var kept: [(unit: Int64, score: Double)] = []
            while true {
                kept.removeAll(keepingCapacity: true)
                let cursor = try Row.fetchCursor(
                    db.cachedStatement(sql: "SELECT rowid, bm25(search) AS score FROM search WHERE search MATCH ? ORDER BY score LIMIT ?"),
                    arguments: [query.expression, window])
                var seen = 0
                while let row = try cursor.next() {
                    seen += 1
                    let unit: Int64 = row[0]
                    if allowed.contains(StoreCodes.document(ofNode: unit)) {
                        kept.append((unit, row[1]))
                        if kept.count > limit { break }
                    }
                }
                if kept.count > limit || seen < window { break }
                window *= 16
            }
            var hits: [SearchHit] = []
            var documents: [Int64: HitDocument] = [:]
            for (rank, entry) in kept.prefix(limit).enumerated() {
                hits.append(
                    try hit(
                        db, unit: entry.unit, score: entry.score, rank: rank + 1, highlights: highlights, anchors: anchors,
                        documents: &documents))
            }
            return SearchResults(query: text, expression: query.expression, date: date, hits: hits, more: kept.count > limit)
        }
    }

    /// A hit's document with its version, read once per search.
    struct HitDocument {
        var summary: DocumentSummary
        var work: String?
        var version: String?
        var validFrom: LegalDate?
        var validTo: LegalDate?
    }

    /// The details of one hit: the stk. of the § that holds most of the marked words, with its text around them.
    private func hit(
        _ db: Database, unit: Int64, score: Double, rank: Int, highlights: [(word: String, prefix: Bool)],
        anchors: [[UInt8]], documents: inout [Int64: HitDocument]
    ) throws -> SearchHit {
        let document = StoreCodes.document(ofNode: unit)
        let first = StoreCodes.ordinal(ofNode: unit)
        // The unit and its subtree in one query (the subtree ends at the unit's `last`); statements are cached on
        // the connection: a search runs these for every hit, and preparing them cost more than running them.
        var rows: [NodeRow] = []
        let cursor = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT parent, last, kind, path, label, text
                    FROM nodes WHERE id BETWEEN ?1 AND (?1 - ?2) + (SELECT last FROM nodes WHERE id = ?1) ORDER BY id
                    """), arguments: [unit, first])
        while let row = try cursor.next() {
            let parent: Int? = row[0]
            let last: Int = row[1]
            rows.append(
                NodeRow(
                    parent: Int32((parent ?? first - 1) - first), last: Int32(last - first), kind: StoreCodes.nodeKind(row[2]),
                    path: row[3], number: nil, label: row[4], title: nil, text: row[5], start: 0, end: 0, labelRange: nil,
                    titleRange: nil, isRepealed: false))
        }
        guard !rows.isEmpty else {
            throw StoreError.corrupt(path: path, detail: "the full-text index names node \(unit), which is not in the node table")
        }
        // The stk. (a direct child) whose folded text holds the searched terms most often, or the unit itself.
        let stks = (1..<rows.count).filter { rows[$0].parent == 0 && rows[$0].kind == .subsection }
        let needles = anchors
        var bestIndex = 0
        var bestCount = 0
        for k in stks {
            let folded = TextFolding.foldBytes(Array(UnitText.text(rows, k).utf8)[...])
            let count = needles.reduce(0) { $0 + Self.occurrences(folded, $1) }
            if count > bestCount {
                bestIndex = k
                bestCount = count
            }
        }
        var best = (index: bestIndex, context: SearchContext.make(UnitText.text(rows, bestIndex), highlights: highlights))
        if best.context.1.isEmpty, bestIndex != 0 { best = (0, SearchContext.make(UnitText.text(rows, 0), highlights: highlights)) }
        let path = rows[best.index].path
        if documents[document] == nil {
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT \(DocumentSummary.columns), w.slug, v.name, v.valid_from, v.valid_to FROM documents d
                            LEFT JOIN versions v ON v.document = d.id LEFT JOIN works w ON w.id = v.work WHERE d.id = ?
                            """), arguments: [document])
            else { throw StoreError.corrupt(path: self.path, detail: "node \(unit) belongs to no document") }
            documents[document] = HitDocument(
                summary: DocumentSummary(row: row), work: row[14], version: row[15],
                validFrom: (row[16] as String?).flatMap(LegalDate.init), validTo: (row[17] as String?).flatMap(LegalDate.init))
        }
        let found = documents[document]!
        return SearchHit(
            rank: rank, score: score, address: Self.citationForm(path: path, stks: best.index == 0 ? 0 : stks.count),
            path: path, document: found.summary, work: found.work, version: found.version, validFrom: found.validFrom,
            validTo: found.validTo, context: best.context.0, marks: best.context.1)
    }

    /// How often `needle` occurs in `haystack` (memchr for its first byte, then a compare).
    static func occurrences(_ haystack: [UInt8], _ needle: [UInt8]) -> Int {
        guard let head = needle.first, needle.count <= haystack.count else { return 0 }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var count = 0
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    guard let hit = memchr(h.baseAddress! + i, Int32(head), last - i + 1) else { break }
                    let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - h.baseAddress!
                    if memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { count += 1 }
                    i = at + 1
                }
                return count
            }
        }
    }

    /// A node id in citation form when the number of stk. of its § is known: "§ 21, stk. 3", "§ 21" for the
    /// only stk. of a §.
    static func citationForm(path: String, stks: Int) -> String {
        guard let id = NodeID(parsing: path), var address = Address(id: id) else {
            return path.hasPrefix("unplaced") ? "uplaceret tekst" : path
        }
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
                    let stks =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM nodes WHERE id BETWEEN ? AND ? AND parent = ? AND kind = ?",
                            arguments: [
                                sectionID, StoreCodes.nodeID(document: document, ordinal: last), parent,
                                StoreCodes.code(NodeKind.subsection),
                            ]
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
