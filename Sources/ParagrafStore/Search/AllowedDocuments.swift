import Foundation
import GRDB

/// The documents a search may return for a filter (in force on a day, of some types, of one work), kept for the
/// next search with the same filter until the database is linked again: working the set out reads every version
/// (milliseconds), more than a search for a rare word takes.
final class AllowedDocuments: @unchecked Sendable {
    /// The filter a set answers.
    struct Filter: Hashable {
        var date: String?
        var types: [String]
        var work: String?
    }

    private let lock = NSLock()
    private var generation = ""
    private var sets: [Filter: Set<Int64>] = [:]

    /// The preferred documents of the versions that pass `filter` in the database `db` reads.
    func documents(_ db: Database, _ filter: Filter) throws -> Set<Int64> {
        let current = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'generation'")) ?? ""
        lock.lock()
        if current != generation {
            sets.removeAll()
            generation = current
        }
        if let found = sets[filter] {
            lock.unlock()
            return found
        }
        lock.unlock()
        var sql = "SELECT v.document FROM versions v WHERE v.document IS NOT NULL"
        var arguments: [any DatabaseValueConvertible] = []
        if let date = filter.date {
            sql += " AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?)"
            arguments += [date, date]
        }
        if !filter.types.isEmpty {
            sql += " AND v.type IN (\(filter.types.map { _ in "?" }.joined(separator: ", ")))"
            arguments += filter.types.map { $0 as any DatabaseValueConvertible }
        }
        if let work = filter.work {
            sql += " AND v.work = (SELECT id FROM works WHERE slug = ?)"
            arguments.append(work)
        }
        let found = Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)))
        lock.lock()
        if current == generation { sets[filter] = found }
        lock.unlock()
        return found
    }
}
