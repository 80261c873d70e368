import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore

struct WorksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "works",
        abstract: "List the works of a corpus database: regulations and acts with their versions.",
        discussion: """
            A work is a regulation or an act through its versions, found from the texts: a bekendtgørelse and \
            those its repeal statement names, the consolidations (LBK) of one act, and the amending instruments \
            that name it. QUERY keeps the works whose title has all its words (case and accents folded; a word \
            also matches as the start of one). The id in the first column is what `versions`, `show --work` and \
            `search --work` take.

            Examples:
              paragraf works --db law.sqlite
              paragraf works tandpleje --db law.sqlite
              paragraf works "social service" --db law.sqlite --format json
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Words of the title to look for (all works without).") var query: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let works = try storeQuery { try store.works(matching: query) }
            switch format {
            case .json:
                print(try Output.json(WorksListing(query: query, works: works)))
            case .text:
                let width = min(40, works.map(\.id.count).max() ?? 0)
                for work in works {
                    let id = work.id.padding(toLength: max(width, work.id.count), withPad: " ", startingAt: 0)
                    var line = "\(id)  \(work.title)  (\(work.kind); \(work.versions) version\(work.versions == 1 ? "" : "s")"
                    if work.versionsWithText != work.versions { line += ", \(work.versionsWithText) with text" }
                    if work.amendments > 0 { line += "; \(work.amendments) amending" }
                    line += ")"
                    if let latest = work.latest { line += "  latest \(latest)\(work.inForce ? "" : " (ended)")" }
                    print(line)
                }
                Output.error("\(works.count) work\(works.count == 1 ? "" : "s")")
            }
            if works.isEmpty { throw ExitCode(1) }
        }
    }
}
