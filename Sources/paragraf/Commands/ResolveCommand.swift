import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a citation as written in a regulation and print the text it points to.",
        discussion: """
            The citation text is read as the regulation would read it, lead words and lists included \
            ("jf. dog § 18, stk. 3", "§§ 4 og 5", "stk. 1, 1. pkt. samt stk. 2-3"). A relative citation \
            ("stk. 3", "nr. 4", "2. pkt.") needs --from, the provision it stands in. Exit status 1 when a target \
            does not exist in the version or lies in another act; 64 when the citation cannot be read or a \
            relative citation has no --from.

            Examples:
              paragraf resolve 2003 "jf. § 17, stk. 3" --from "§ 1, stk. 2"
              paragraf resolve 2020 "stk. 1, 1. pkt. samt stk. 2-3" --from "§ 3, stk. 5"
              paragraf resolve 2020 "§ 22, stk. 1, 2. pkt."
              paragraf resolve udkast.txt "§ 2, stk. 1"
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(
        help:
            "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input)."
    ) var version: String
    @Argument(help: "The citation text, e.g. \"jf. § 17, stk. 3\".") var citation: String
    @Option(help: ArgumentHelp("The provision the citation stands in, e.g. \"§ 1, stk. 2\".", valueName: "CITATION"))
    var from: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let (corpusVersion, parsed) = try corpusOptions.open(version)
            let results = try storeQuery { try ResolvedCitations.resolve(citation, from: from, in: parsed, version: corpusVersion.id) }
            switch format {
            case .json:
                print(try Output.json(results))
            case .text:
                let title = parsed.document.metadata.title ?? corpusVersion.title
                var first = true
                for result in results.resolved {
                    for (target, text) in zip(result.citation.targets, result.texts) {
                        if !first { print("") }
                        first = false
                        switch target.status {
                        case .resolved:
                            print("\(title) (\(corpusVersion.id)) › \(target.place ?? "")")
                            print("")
                            print(text ?? "")
                        case .external:
                            print("\(target.citation)\(target.act.map { " i \($0)" } ?? ""): outside this regulation")
                        case .unresolved:
                            print("\(target.citation): does not resolve in \(corpusVersion.id): \(target.message ?? "")")
                        }
                    }
                    if result.citation.targets.isEmpty {
                        print("\(result.citation.text): \(result.citation.kind.rawValue), names no provision of this regulation")
                    }
                }
            }
            if results.failed { throw ExitCode(1) }
        }
    }
}
