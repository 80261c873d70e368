import ArgumentParser
import Foundation
import Paragraf

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List the works in the corpus and their versions with dates.",
        discussion: """
            For each version: its id (used by the other commands; a version is also named by number and year, \
            e.g. 1658/2017), type and number, signing date, the time it applied, era, what it repealed, and \
            whether the corpus holds its text. The chain comes from the texts' repeal statements ("Bekendtgørelse \
            nr. 1658 af 22. december 2017 om tandpleje ophæves"); a version applies from its in-force date until \
            the version that repealed it entered into force. "~" marks a date the corpus does not know exactly: \
            for a version without text the in-force date is unknown, and its signing date is shown (it cannot \
            have applied earlier). A version repealed on the day it was to enter into force never applied and is \
            marked so. Orders that amended a version in place are listed under it. Any disagreement between a \
            text and the manifest is printed as an error (exit status 1).

            With a work or --db (or PARAGRAF_DB), the versions come from a corpus database (see `paragraf \
            import`): every work found in the imported texts, with the versions known only from a repeal \
            statement and the amending instruments.

            Examples:
              paragraf versions
              paragraf versions --format json
              paragraf versions tandpleje --db law.sqlite
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "A work of the corpus database (see `paragraf works`); all works without.") var work: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    struct VersionRow: Encodable {
        var work: String
        var workTitle: String
        var id: String
        var kind: VersionKind
        var documentType: String
        var number: String?
        var numberAndYear: String?
        var signed: LegalDate
        var inForce: LegalDate?
        var start: LegalDate
        var startIsSigning: Bool
        var end: LegalDate?
        var neverApplied: Bool
        var repealedBy: [String]
        var repeals: [RepealedInstrument]
        var repealsFrom: String
        var era: String
        var hasText: Bool
        var file: String?
        var sha256: String?
        var record: SourceFile?
        var eli: String?
        var accessionNumber: String?
        var amendingOrders: [AmendingOrderManifest]
        var note: String?
    }

    struct Envelope: Encodable {
        var schemaVersion = 2
        var versions: [VersionRow]
        var problems: [String]
    }

    func run() throws {
        try reportingErrors {
            if work != nil || corpusOptions.storeOptions.namedDatabase != nil {
                try StoreRoutes.versions(work, store: try corpusOptions.storeOptions.open(corpus: corpusOptions), format: format)
                return
            }
            let corpus = try corpusOptions.corpus()
            var rows: [VersionRow] = []
            var problems: [String] = []
            var histories: [WorkHistory] = []
            for work in corpus.works {
                let history: WorkHistory
                do { history = try corpus.history(of: work) } catch { throw CLIError(String(describing: error)) }
                histories.append(history)
                problems += history.problems.map { "\(work.id)/\($0.description)" }
                rows += history.entries.map { row($0, history) }
            }
            switch format {
            case .json:
                print(try Output.json(Envelope(versions: rows, problems: problems)))
            case .text:
                for history in histories { printWork(history, rows: rows.filter { $0.work == history.work.id }) }
            }
            guard problems.isEmpty else {
                throw CLIError(
                    "the texts and the manifest disagree:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
            }
        }
    }

    func row(_ e: WorkHistory.Entry, _ history: WorkHistory) -> VersionRow {
        let m = e.version.manifest
        return VersionRow(
            work: e.version.work.id, workTitle: e.version.work.title, id: m.id, kind: m.kind, documentType: m.documentType,
            number: m.number, numberAndYear: m.numberAndYear, signed: m.signed, inForce: m.inForce ?? e.interval.start,
            start: e.interval.start, startIsSigning: e.interval.startIsSigning, end: e.interval.end,
            neverApplied: e.interval.neverApplied, repealedBy: e.successors, repeals: e.repeals,
            repealsFrom: e.fromText ? "text" : "manifest", era: m.era, hasText: m.hasText, file: m.file, sha256: m.sha256,
            record: m.record, eli: m.eli, accessionNumber: m.accessionNumber, amendingOrders: e.amendingOrders,
            note: note(e, history))
    }

    /// The line under a version that explains what the dates or the text leave open.
    func note(_ e: WorkHistory.Entry, _ history: WorkHistory) -> String? {
        var notes: [String] = []
        if e.interval.neverApplied {
            let by = e.successors.first ?? "?"
            notes.append("never applied: \(by) repealed it on the day it was to enter into force (\(e.interval.start))")
        }
        if !e.version.manifest.hasText {
            notes.append("no text in the corpus (metadata only)")
        }
        if !e.amendingOrders.isEmpty {
            notes.append(
                "amended by " + e.amendingOrders.map(\.citation).joined(separator: ", ")
                    + " (only fragments of these orders are known: the text is the version as issued)")
        }
        if e.interval.end == nil && !e.interval.neverApplied {
            notes.append("end date unknown: no later version in the corpus repealed it")
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    func printWork(_ history: WorkHistory, rows: [VersionRow]) {
        print("\(history.work.id)  \(history.work.title)")
        let idWidth = rows.map(\.id.count).max() ?? 0
        let numberWidth = rows.map { ($0.number ?? "").count }.max() ?? 0
        var approximate = false
        for row in rows {
            let id = row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let number = (row.number.map { "nr. \($0)" } ?? "").padding(toLength: numberWidth + 4, withPad: " ", startingAt: 0)
            let start = (row.startIsSigning ? "~" : "") + "\(row.start)"
            let successorApproximate = row.repealedBy.contains { id in rows.first { $0.id == id }?.startIsSigning ?? false }
            let end = row.end.map { (successorApproximate ? "~" : "") + "\($0)" } ?? "?"
            approximate = approximate || row.startIsSigning || successorApproximate
            let applied = row.neverApplied ? "aldrig (skulle \(row.start))" : "\(start) – \(end)"
            var line = "  \(id)  \(row.documentType) \(number)  underskrevet \(row.signed)  i kraft \(applied)  (\(row.era))"
            line += row.hasText ? "  tekst" : "  ingen tekst"
            if !row.repeals.isEmpty {
                line += "  ophæver " + row.repeals.map(\.description).joined(separator: " og ")
            }
            print(line)
            if let note = row.note { print(String(repeating: " ", count: idWidth + 4) + note) }
        }
        if approximate {
            print("  ~ in-force date unknown (no text): the signing date is shown; the version cannot have applied earlier")
        }
    }
}
