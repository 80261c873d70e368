import Foundation
import GRDB
import Paragraf
import ParagrafReferences

/// The link step of an import: groups the documents into versions and works, gives each version its in-force
/// interval, and resolves the citations that leave their document to the document and provision in force at the
/// citing document's date. Rebuilt from the documents every time, in one transaction.
struct Linker {
    let db: Database
    let isCancelled: () -> Bool

    /// Raised inside the transaction to roll it back when the user interrupts the link.
    struct Cancelled: Error {}

    func run() throws -> LinkSummary {
        let started = Date()
        var summary = LinkSummary()
        try db.inTransaction(.immediate) {
            let documents = try loadDocuments()
            var versions = VersionBuilder(documents: documents).build()
            if isCancelled() { throw Cancelled() }
            let works = WorkBuilder.build(versions: &versions, documents: documents)
            if isCancelled() { throw Cancelled() }
            try write(works: works, versions: versions)
            summary.works = works.count
            summary.versions = versions.filter { $0.role == .version }.count
            summary.versionsWithoutText = versions.filter { $0.documents.isEmpty }.count
            summary.amendments = versions.filter { $0.role == .amendment }.count
            var cross = CrossLinker(db: db, isCancelled: isCancelled)
            try cross.run(&summary)
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('links', 'current')")
            // Caches of what the links decide (the documents a search filter allows) are keyed by this.
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", arguments: [UUID().uuidString])
            return .commit
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private func loadDocuments() throws -> [LinkDocument] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, type, role, number, year, title, signed, in_force, partial, nodes, manifest_work,
                    manifest_version, repeals, basis_act, amends
                FROM documents ORDER BY id
                """
        ).map { row in
            let repeals: String? = row[12]
            let amends: Data? = row[14]
            return LinkDocument(
                id: row[0], type: row[1], role: DocumentRole(rawValue: row[2]) ?? .version, number: row[3], year: row[4],
                title: row[5], signed: (row[6] as String?).flatMap(LegalDate.init), inForce: (row[7] as String?).flatMap(LegalDate.init),
                isPartial: row[8] == 1, nodes: row[9], manifestWork: row[10], manifestVersion: row[11],
                repeals: (repeals ?? "").split(separator: ";").compactMap { InstrumentKey(encoded: String($0)) },
                basisAct: row[13], amends: amends.flatMap { try? decoder.decode(AmendTargets.self, from: $0) } ?? AmendTargets())
        }
    }

    private func write(works: [LinkWork], versions: [LinkVersion]) throws {
        try db.execute(sql: "DELETE FROM works; DELETE FROM versions; UPDATE documents SET version = NULL")
        let insertWork = try db.makeStatement(sql: "INSERT INTO works(id, slug, title, kind, act_key) VALUES (?, ?, ?, ?, ?)")
        for (i, work) in works.enumerated() {
            try insertWork.execute(arguments: [i + 1, work.slug, work.title, work.kind, work.actKey])
        }
        let insertVersion = try db.makeStatement(
            sql: """
                INSERT INTO versions(id, work, name, type, number, year, signed, title, role, valid_from, valid_to,
                    document, repealed_by, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let setVersion = try db.makeStatement(sql: "UPDATE documents SET version = ? WHERE id = ?")
        for (i, version) in versions.enumerated() {
            let name = version.manifestVersion ?? version.key.map { "\($0.number)/\($0.year)" } ?? version.label
            let repealedBy = version.repealedBy.min { (versions[$0].start ?? .distant) < (versions[$1].start ?? .distant) }
            let arguments: [(any DatabaseValueConvertible)?] = [
                i + 1, version.work + 1, name, version.type, version.number, version.year, version.signed?.description,
                version.title, version.role.rawValue, version.validFrom?.description, version.validTo?.description,
                version.documents.first, repealedBy.map { $0 + 1 }, version.evidence.joined(separator: "; "),
            ]
            try insertVersion.execute(arguments: StatementArguments(arguments))
            for document in version.documents { try setVersion.execute(arguments: [i + 1, document]) }
        }
    }
}

extension LegalDate {
    /// A date after every real one, for sorting unknown dates last.
    static let distant = LegalDate(year: 9999, month: 12, day: 31)!
}
