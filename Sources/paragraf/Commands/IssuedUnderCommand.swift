import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore

struct IssuedUnderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issued-under",
        abstract: "List the bekendtgørelser issued under a provision of an act, by date.",
        discussion: """
            A document is issued under a provision when its preamble names it after "I medfør af" or "med \
            hjemmel i" (a part counts for the whole: "§ 134, stk. 2" is under "§ 134"). Only documents whose \
            source has a preamble can be found; the dataset's documents have none, and their number is given.

            Examples:
              paragraf issued-under "sundhedsloven § 134"
              paragraf issued-under "§ 134 a i sundhedsloven" --db law.sqlite --format json
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The provision: \"sundhedsloven § 134\", \"§ 64 b i sundhedsloven\", \"§ 104 i lov om social service\".")
    var provision: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let result = try storeQuery { try store.issuedUnder(provision) }
            switch format {
            case .json:
                print(try Output.json(result))
            case .text:
                print("\(result.target): \(result.documents.count) document\(result.documents.count == 1 ? "" : "s") issued under it")
                for issued in result.documents {
                    let date = issued.document.signed?.description ?? "?"
                    let interval = issued.validFrom.map { "  i kraft \($0) – \(issued.validTo?.description ?? "")" } ?? ""
                    let provisions = issued.provisions.isEmpty ? "" : "  (\(issued.provisions.joined(separator: ", ")))"
                    print("  \(date)  \(issued.document.label)  \(issued.document.title ?? "")\(provisions)\(interval)")
                }
                if result.withoutPreamble > 0 {
                    Output.error(
                        "note: \(result.withoutPreamble) bekendtgørelser in the corpus have no preamble in their source, so whether they are issued under it is not known"
                    )
                }
            }
            if result.documents.isEmpty { throw ExitCode(1) }
        }
    }
}
