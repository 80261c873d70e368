import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Follow one provision through every corpus version of its work, across renumbering.",
        discussion: """
            Reads the citation in one version (--in, default the newest), then follows the alignment of each \
            pair of consecutive versions backwards and forwards, showing the provision's number, place and \
            text in every version and the words that changed at each step.

            Examples:
              paragraf history "§ 17" --in 2003
              paragraf history "§ 21, stk. 3"
              paragraf history "§ 10" --in 2020 --format json
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
            let corpus = try corpusOptions.corpus()
            let work: WorkManifest
            let startID: String
            if let version {
                let v: CorpusVersion
                do { v = try corpus.version(version) } catch { throw CLIError(String(describing: error)) }
                work = v.work
                startID = v.id
            } else {
                guard let w = corpus.works.first, let last = w.versions.last else { throw CLIError("the corpus is empty") }
                if corpus.works.count > 1 { throw CLIError("the corpus holds several works; name a version with --in", exitCode: 64) }
                work = w
                startID = last.id
            }
            let corpusVersions = corpus.versions.filter { $0.work.id == work.id }
            var versions: [ProvisionHistory.Version] = []
            for v in corpusVersions {
                do {
                    versions.append(.init(name: v.id, parsed: try corpus.load(v, parser: InputReader.parse)))
                } catch {
                    throw CLIError(String(describing: error))
                }
            }
            guard let start = corpusVersions.firstIndex(where: { $0.id == startID }) else {
                throw CLIError("no version \(startID)")
            }
            guard let history = ProvisionHistory.trace(address, startingIn: start, versions: versions) else {
                throw CLIError("\(address) does not exist in \(startID)")
            }
            switch format {
            case .text: print(HistoryFormatter(color: color.enabled).format(history), terminator: "")
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = 1
                    var history: ProvisionHistory
                }
                print(try Output.json(Envelope(history: history)))
            }
        }
    }
}
