import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff
import ParagrafStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Follow one provision through every corpus version of its work, across renumbering.",
        discussion: """
            Reads the citation in one version (--in, default the newest), then follows the alignment of each \
            pair of consecutive versions backwards and forwards, showing the provision's number, place and \
            text in every version with text and the words that changed at each step. A version that was \
            repealed before it applied (tandpleje 706/2024) is shown, marked "never applied"; versions known \
            without text are named in a note on standard error. A dataset version has no chapter titles: its \
            place shows the chapter number only.

            Examples:
              paragraf history "§ 17" --in 2003
              paragraf history "§ 21, stk. 3"
              paragraf history "§ 10" --in 2020 --format json
              paragraf history "§ 20" --in "BEK 1077/2020" --db law.sqlite
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The provision: \"§ 17\", \"§ 17, stk. 3\", \"§ 2, stk. 1, nr. 4\", \"kapitel 4\".") var citation: String
    @Option(name: .customLong("in"), help: ArgumentHelp("The version the citation is read in (default: the newest).", valueName: "VERSION"))
    var version: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Colour for text: auto, always or never.") var color: ColorMode = .auto

    func run() throws {
        try reportingErrors {
            let address: Address
            do {
                address = try Address.parse(citation)
            } catch {
                throw CLIError(String(describing: error), exitCode: 64)
            }
            if corpusOptions.storeOptions.namedDatabase != nil {
                try StoreRoutes.history(
                    address, in: version, store: try corpusOptions.storeOptions.open(corpus: corpusOptions), format: format,
                    color: color.enabled)
                return
            }
            let corpus = try corpusOptions.corpus()
            let work: WorkManifest
            let startID: String
            if let version {
                let v: CorpusVersion
                do { v = try corpus.version(version) } catch { throw CLIError(String(describing: error)) }
                work = v.work
                startID = v.id
            } else {
                guard let w = corpus.works.first, let last = w.versions.last(where: \.hasText) else {
                    throw CLIError("the corpus is empty")
                }
                if corpus.works.count > 1 { throw CLIError("the corpus holds several works; name a version with --in", exitCode: 64) }
                work = w
                startID = last.id
            }
            // Every version with text, in the order they applied (a version repealed before it applied is kept,
            // marked so); versions known without text are named in a note.
            let workHistory: WorkHistory
            do { workHistory = try corpus.history(of: work, checkingRecords: false) } catch { throw CLIError(String(describing: error)) }
            let corpusVersions = workHistory.withText.map(\.version)
            var versions: [ProvisionHistory.Version] = []
            for entry in workHistory.withText {
                let note =
                    entry.interval.neverApplied
                    ? "never applied (\(entry.successors.first ?? "a later version") repealed it on the day it was to enter into force, \(entry.interval.start))"
                    : nil
                do {
                    versions.append(.init(name: entry.id, parsed: try corpus.load(entry.version, parser: InputReader.parse), note: note))
                } catch {
                    throw CLIError(String(describing: error))
                }
            }
            guard let start = corpusVersions.firstIndex(where: { $0.id == startID }) else {
                throw CLIError(
                    "version \(startID) has no text in the corpus; history reads the citation in a version with text", exitCode: 1)
            }
            let missing = workHistory.entries.filter { !$0.version.manifest.hasText }.map(\.id)
            if !missing.isEmpty && format == .text {
                Output.error("note: versions without text in the corpus are not shown: \(missing.joined(separator: ", "))")
            }
            guard let history = ProvisionHistory.trace(address, startingIn: start, versions: versions) else {
                throw CLIError("\(address) does not exist in \(startID)")
            }
            switch format {
            case .text: print(HistoryFormatter(color: color.enabled).format(history), terminator: "")
            case .json:
                print(try Output.json(HistoryListing(history: history)))
            }
        }
    }
}
