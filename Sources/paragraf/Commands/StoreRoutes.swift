import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff
import ParagrafStore

/// The corpus-database side of commands that also read the manifest corpus (`versions`, `show`, `cited-by`,
/// `check`): each existing command hands over to these when given `--db` (or a work, or `--all`).
enum StoreRoutes {
    /// `paragraf versions WORK [--db FILE]`.
    static func versions(_ designation: String?, store: ParagrafStore, format: OutputFormat) throws {
        let works: [StoredWork] = try storeQuery {
            if let designation { return [try store.work(designation)] }
            return try store.works()
        }
        var all: [(StoredWork, [StoredVersion])] = []
        for work in works { all.append((work, try storeQuery { try store.versions(of: work) })) }
        switch format {
        case .json:
            print(try Output.json(VersionsListing(works: all.map { VersionsListing.Entry(work: $0.0, versions: $0.1) })))
        case .text:
            for (work, versions) in all {
                print(
                    "\(work.id)  \(work.title)  (\(work.kind); \(work.versions) versions, \(work.versionsWithText) with text; \(work.amendments) amending)"
                )
                var amendingHeader = false
                for version in versions {
                    if version.role != .version, !amendingHeader {
                        print("  amending and other instruments:")
                        amendingHeader = true
                    }
                    print("  " + line(version))
                }
            }
        }
    }

    static func line(_ v: StoredVersion) -> String {
        let name = v.name.padding(toLength: max(10, v.name.count), withPad: " ", startingAt: 0)
        let label = v.label.padding(toLength: max(15, v.label.count), withPad: " ", startingAt: 0)
        var line = "\(name) \(label) underskrevet \(v.signed?.description ?? "?")  "
        if v.neverApplied {
            line += "trådte aldrig i kraft (\(v.repealedBy.map { "ophævet af \($0)" } ?? "ophævet") før \(v.validFrom?.description ?? "?"))"
        } else {
            line += "i kraft \(v.validFrom?.description ?? "?") – \(v.validTo?.description ?? "")"
        }
        line += v.hasText ? (v.sources > 1 ? "  tekst (\(v.sources) kilder)" : "  tekst") : "  ingen tekst"
        if v.role != .version, let title = v.title { line += "  \(title.split(separator: "\n").first ?? "")" }
        return line
    }

    /// `paragraf show [--db FILE] [--work W] (VERSION | --at DATE) CITATION`.
    static func show(
        store: ParagrafStore, work workName: String?, at: String?, version versionName: String?, address: Address,
        format: OutputFormat
    ) throws {
        let version: StoredVersion = try storeQuery {
            let work = try workName.map { try store.work($0) } ?? (versionName == nil ? try onlyWork(store) : nil)
            if let at {
                guard let date = LegalDate(at) else { throw StoreError.badRequest("--at expects a date as YYYY-MM-DD, got \"\(at)\"") }
                return try store.version(of: work ?? onlyWork(store), inForceOn: date)
            }
            return try store.version(versionName ?? "", in: work)
        }
        let provision = try storeQuery { try store.provision(address, in: version) }
        switch format {
        case .json:
            let shown = ShownProvision(provision)
            print(try Output.json(shown, locations: shown.locations))
        case .text:
            print("\(version.title ?? version.work) (\(version.label)) › \(provision.place)")
            print("")
            print(provision.text)
        }
        if at != nil {
            Output.error(
                "note: \(version.label) applied \(version.validFrom?.description ?? "?") – \(version.validTo?.description ?? "(still in force)")"
            )
        }
    }

    /// The only work of the database, or an error asking for --work.
    static func onlyWork(_ store: ParagrafStore) throws(StoreError) -> StoredWork {
        let works = try store.works()
        if works.count == 1 { return works[0] }
        throw .badRequest("the database has \(works.count) works: name one with --work (see `paragraf works`)")
    }

    /// `paragraf history "§ 17" --in VERSION --db FILE`: the provision through every version with text of the
    /// work in the database, each read as stored.
    static func history(_ address: Address, in versionName: String?, store: ParagrafStore, format: OutputFormat, color: Bool) throws {
        let stored = try storeQuery { try store.history(of: address, in: versionName) }
        if !stored.missing.isEmpty && format == .text {
            Output.error("note: versions without text in the corpus are not shown: \(stored.missing.joined(separator: ", "))")
        }
        switch format {
        case .text: print(HistoryFormatter(color: color).format(stored.history), terminator: "")
        case .json: print(try Output.json(HistoryListing(history: stored.history)))
        }
    }

    /// `paragraf cited-by "sundhedsloven § 135" [--db FILE]`.
    static func citedBy(_ target: String, store: ParagrafStore, format: OutputFormat) throws {
        let result = try storeQuery { try store.citedBy(target) }
        switch format {
        case .json:
            print(try Output.json(result))
        case .text:
            let n = result.citations.count
            print(
                "\(result.target) is cited \(n) time\(n == 1 ? "" : "s") in \(result.documents) document\(result.documents == 1 ? "" : "s")"
            )
            var last: Int64?
            for row in result.citations {
                if row.document.id != last {
                    print("\(row.document.label)  \(row.document.title ?? "")  (\(row.document.signed?.description ?? "?"))")
                    last = row.document.id
                }
                var line = "  \(row.place)  \(row.lead.isEmpty ? "" : row.lead + " ")\(row.citation)  [\(row.edge.rawValue)]"
                switch row.status {
                case "linked": line += "  → \(row.citedVersion ?? "?") \(row.cited)"
                case "missing": line += "  → missing: \(row.reason ?? "")"
                default: line += "  → \(row.reason ?? "outside the corpus")"
                }
                print(line)
            }
        }
        if result.citations.isEmpty { throw ExitCode(1) }
    }

    /// `paragraf check --all [--db FILE]`.
    static func checkAll(store: ParagrafStore, limit: Int, types: [String], format: OutputFormat) throws {
        let report = try storeQuery { try store.checkAll(limit: limit, types: types) }
        switch format {
        case .json:
            print(try Output.json(report))
        case .text:
            print(
                "\(report.documents) documents: \(report.unresolved) unresolved internal citations; \(report.missing) citations of other documents missing in the version that applied"
            )
            if report.notChecked > 0 {
                Output.error(
                    "note: \(report.notChecked) amending, commencement and repealing instruments are not checked: their §§ quote the act they change"
                )
            }
            for type in report.types {
                print(
                    "  \(type.type.padding(toLength: 4, withPad: " ", startingAt: 0)) \(type.documents) documents, \(type.documentsWithFindings) with unresolved citations: \(type.unresolved) unresolved, \(type.missing) missing"
                )
            }
            if !report.cases.isEmpty { print("first cases:") }
            for finding in report.cases {
                print("  \(finding.document.label) \(finding.place): \"\(finding.citation)\" — \(finding.reason)")
            }
        }
        if report.unresolved + report.missing > 0 { throw ExitCode(1) }
    }
}
