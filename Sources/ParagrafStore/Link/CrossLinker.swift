import GRDB
import Paragraf
import ParagrafReferences

/// Resolves the citations that leave their document ("sundhedslovens § 135", "§ 104 i lov om social service",
/// "lovbekendtgørelse nr. 903 af 26. august 2019") to the document and provision in force at the citing
/// document's date: the instrument named (or paired with the act: "…, jf. lovbekendtgørelse nr. 903 af 26. august
/// 2019"), else the version of the act's work that applied that day. What cannot be placed stays external, with
/// the reason.
struct CrossLinker {
    let db: Database
    let isCancelled: () -> Bool

    private struct Version {
        var id: Int64
        var work: Int64
        var label: String
        var validFrom: LegalDate?
        var validTo: LegalDate?
        var document: Int64?
        var type: String
    }

    private struct Citing {
        var type: String
        var version: Int64?
        var date: LegalDate?
        var basisAct: String?
    }

    private var versions: [Int64: Version] = [:]
    private var byNumber: [String: [Int64]] = [:]
    private var byWork: [Int64: [Int64]] = [:]
    private var workByAct: [String: Int64] = [:]
    private var workTitle: [Int64: String] = [:]
    private var citing: [Int64: Citing] = [:]

    init(db: Database, isCancelled: @escaping () -> Bool) {
        self.db = db
        self.isCancelled = isCancelled
    }

    mutating func run(_ summary: inout LinkSummary) throws {
        try load()
        let update = try db.makeStatement(
            sql: "UPDATE citations SET status = ?, reason = ?, target = ?, target_work = ?, target_version = ? WHERE id = ?")
        func write(_ outcome: Outcome, _ id: Int64) throws {
            switch outcome.status {
            case .linked: summary.linked += 1
            case .missing: summary.missing += 1
            default: summary.external += 1
            }
            var binder = RowBinder(update, db)
            binder.bind(outcome.status.rawValue)
            binder.bind(outcome.reason)
            binder.bind(outcome.target)
            binder.bind(outcome.work)
            binder.bind(outcome.version)
            binder.bind(id)
            try binder.run()
        }
        // Read first (the updates change the rows the query walks), then resolve and write.
        var rows: [(id: Int64, document: Int64, act: String?, instrument: String?, address: String?, reason: String?)] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, document, act, instrument, address, reason FROM citations WHERE status >= 2")
        while let row = try cursor.next() { rows.append((row[0], row[1], row[2], row[3], row[4], row[5])) }
        // Citations of a provision are resolved grouped by the document cited, so that each document's tree is
        // read once.
        var pending: [Int64: [(id: Int64, address: Address, version: Version)]] = [:]
        for (n, row) in rows.enumerated() {
            if n % 4096 == 0, isCancelled() { throw Linker.Cancelled() }
            let id = row.id
            switch resolve(document: row.document, act: row.act, instrument: row.instrument, address: row.address, previous: row.reason) {
            case .done(let outcome): try write(outcome, id)
            case .provision(let document, let address, let version): pending[document, default: []].append((id, address, version))
            }
        }
        for (document, entries) in pending.sorted(by: { $0.key < $1.key }) {
            if isCancelled() { throw Linker.Cancelled() }
            let table = self.table(document)
            for entry in entries {
                let resolved = table.locator.locate(entry.address)
                let version = entry.version
                if let node = resolved.nodeID, let ordinal = table.ordinals[node] {
                    try write(
                        Outcome(
                            status: .linked, target: StoreCodes.nodeID(document: document, ordinal: ordinal), work: version.work,
                            version: version.id), entry.id)
                } else {
                    try write(
                        Outcome(
                            status: .missing, reason: "not in \(version.label): \(resolved.message ?? "no such provision")",
                            work: version.work, version: version.id), entry.id)
                }
            }
        }
    }

    private mutating func load() throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT v.id, v.work, v.type, v.number, v.year, v.valid_from, v.valid_to, v.document, v.role, v.name
                FROM versions v ORDER BY v.valid_from, v.id
                """)
        {
            let number: String? = row[3]
            let year: Int? = row[4]
            let type: String = row[2]
            let label = number.flatMap { n in year.map { "\(type) \(n)/\($0)" } } ?? "\(type) \(row[9] as String)"
            let version = Version(
                id: row[0], work: row[1], label: label, validFrom: (row[5] as String?).flatMap(LegalDate.init),
                validTo: (row[6] as String?).flatMap(LegalDate.init), document: row[7], type: type)
            versions[version.id] = version
            if let number, let year { byNumber["\(number)/\(year)", default: []].append(version.id) }
            if (row[8] as String) == DocumentRole.version.rawValue { byWork[version.work, default: []].append(version.id) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, act_key, title FROM works") {
            if let act: String = row[1] { workByAct[act] = row[0] }
            workTitle[row[0]] = row[2]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, type, version, in_force, signed, basis_act FROM documents") {
            let version: Int64? = row[2]
            let date =
                version.flatMap { versions[$0]?.validFrom }
                ?? (row[3] as String?).flatMap(LegalDate.init) ?? (row[4] as String?).flatMap(LegalDate.init)
            citing[row[0]] = Citing(type: row[1], version: version, date: date, basisAct: row[5])
        }
    }

    private struct Outcome {
        var status: TargetStatus
        var reason: String?
        var target: Int64?
        var work: Int64?
        var version: Int64?
    }

    /// What one citation row resolves to: an outcome, or a provision still to be found in a document.
    private enum Resolution {
        case done(Outcome)
        case provision(document: Int64, address: Address, version: Version)
    }

    private func resolve(document: Int64, act: String?, instrument: String?, address: String?, previous: String?) -> Resolution {
        guard let source = citing[document] else { return .done(Outcome(status: .external, reason: previous)) }
        var version: Version?
        if let instrument, let key = InstrumentKey(encoded: instrument) {
            version = byNumber["\(key.number)/\(key.year)"]?.compactMap { versions[$0] }.first {
                key.matches(type: $0.type, number: key.number, year: key.year)
            }
            if version == nil, act == nil { return .done(Outcome(status: .external, reason: "\(key) is not in the corpus")) }
        }
        if version == nil, var key = act {
            if key == ActIdentity.enablingActKey {
                if source.type == "LOV" || source.type == "LBK", let own = source.version.flatMap({ versions[$0] }) {
                    version = own
                } else if let basis = source.basisAct {
                    key = basis
                } else {
                    return .done(
                        Outcome(
                            status: .external,
                            reason: "\"loven\" names the act the document is issued under, which its source does not state (no preamble)"))
                }
            }
            if version == nil {
                guard let work = workByAct[key] else { return .done(Outcome(status: .external, reason: "\(key) is not in the corpus")) }
                guard let date = source.date else {
                    return .done(
                        Outcome(status: .external, reason: "the citing document has no date to choose a version of \(key) by", work: work))
                }
                let candidates = (byWork[work] ?? []).compactMap { versions[$0] }
                guard let found = candidates.last(where: { ($0.validFrom ?? .distant) <= date }) else {
                    let earliest = candidates.first.map { ", the earliest is \($0.label) from \($0.validFrom?.description ?? "?")" } ?? ""
                    return .done(
                        Outcome(status: .external, reason: "no version of \(key) in force on \(date) in the corpus\(earliest)", work: work))
                }
                version = found
            }
        }
        guard let version else { return .done(Outcome(status: .external, reason: previous)) }
        guard let target = version.document else {
            return .done(
                Outcome(
                    status: .external, reason: "\(version.label) applied, but its text is not in the corpus", work: version.work,
                    version: version.id))
        }
        guard let address, let id = NodeID(parsing: address), let parsed = Address(id: id) else {
            return .done(
                Outcome(status: .linked, target: StoreCodes.nodeID(document: target, ordinal: 0), work: version.work, version: version.id))
        }
        return .provision(document: target, address: parsed, version: version)
    }

    /// A locator over the stored tree of document `id`.
    private func table(_ id: Int64) -> (locator: AddressLocator, ordinals: [String: Int]) {
        let rows = (try? StoredNodes.rows(db, document: id)) ?? []
        var ordinals: [String: Int] = [:]
        for (i, row) in rows.enumerated() { ordinals[row.path] = i }
        let root =
            rows.isEmpty
            ? Node(kind: .document, id: "document", range: LineTable(starts: [0]).range(0..<0))
            : NodeRows.tree(rows, root: 0, lines: LineTable(starts: [0]))
        let document = Document(
            sourceName: "", encoding: .utf8, sourceLength: 0, metadata: Metadata(), root: root, diagnostics: [])
        return (AddressLocator(document: document), ordinals)
    }
}
