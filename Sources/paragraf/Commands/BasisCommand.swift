import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore

struct BasisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "basis",
        abstract: "List a bekendtgørelse's legal basis: the provisions its preamble names, resolved.",
        discussion: """
            Reads the preamble ("I medfør af § 134, stk. 2, … i sundhedsloven, jf. lovbekendtgørelse nr. 903 af \
            26. august 2019, fastsættes:") of the version's source that has one, and resolves each enabling \
            provision in the consolidation it names (or the act's version in force on the document's date). \
            The dataset's documents carry no preamble: for them the basis is not in the corpus, and the command \
            says so (exit 1).

            Examples:
              paragraf basis "BEK 1077/2020" --db law.sqlite
              paragraf basis tandpleje/2020
              paragraf basis tandpleje --format json
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The document: a version (\"BEK 1077/2020\", \"1077/2020\", \"tandpleje/2020\") or a work for its latest version.")
    var document: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let result = try storeQuery { try store.basis(of: document) }
            switch format {
            case .json:
                print(try Output.json(result))
            case .text:
                print("\(result.version.label) \(result.version.title ?? "") — hjemmel")
                if let note = result.note { Output.error("note: \(note)") }
                var last: String?
                for row in result.provisions {
                    if row.citation != last {
                        print("  \(row.lead.isEmpty ? "" : row.lead + " ")\(row.citation)")
                        last = row.citation
                    }
                    let cited = row.cited.isEmpty ? "" : row.cited + "  "
                    switch row.status {
                    case "linked": print("    \(cited)→ \(row.citedVersion ?? "?") \(row.cited)")
                    case "missing": print("    \(cited)→ missing: \(row.reason ?? "")")
                    default: print("    \(cited)→ \(row.reason ?? "outside the corpus")")
                    }
                }
            }
            if result.provisions.isEmpty { throw ExitCode(1) }
        }
    }
}
