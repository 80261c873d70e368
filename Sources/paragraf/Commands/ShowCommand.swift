import ArgumentParser
import Foundation
import Paragraf

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a provision with its place in the regulation.",
        discussion: """
            Citations: "§ 17", "§ 4 a", "§ 17, stk. 3", "§ 2, stk. 1, nr. 4", "§ 1, stk. 2, 2. pkt.", \
            "kapitel 4", "bilag 1", "indledning", "titel", "underskrift". Give a version id (or number and year, \
            1658/2017), or --at DATE to use the version in force that day, as the chain of repeal statements \
            gives it (see `paragraf versions`). When the corpus lacks that version's text (2001-2003 and \
            2006-2012 for tandpleje), the command says which version applied and that its text is missing, with \
            exit status 1; it never shows another version's text instead. A citation that does not exist is an \
            error naming what exists.

            Examples:
              paragraf show 2003 "§ 17, stk. 3"
              paragraf show 2020 "§ 2, stk. 1, nr. 4"
              paragraf show 1658/2017 "§ 10"
              paragraf show --at 2015-01-01 "§ 10"
              paragraf show ./udkast.txt "§ 3"
              paragraf show --at 2021-01-01 "kapitel 4"
              paragraf show --db law.sqlite --work tandpleje --at 2015-01-01 "§ 10"
              paragraf show --db law.sqlite "BEK 959/2022" "§ 21"
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: ArgumentHelp("With a corpus database: the work whose version to show.", valueName: "WORK")) var work: String?
    @Option(help: ArgumentHelp("Use the version in force on this date instead of naming one.", valueName: "YYYY-MM-DD"))
    var at: String?
    @Argument(help: "A version id or a file (omit with --at), then the citation.") var arguments: [String] = []
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        let expected = at == nil ? 2 : 1
        guard arguments.count == expected else {
            throw ValidationError(
                at == nil
                    ? "expected a version and a citation, e.g. paragraf show 2003 \"§ 17, stk. 3\""
                    : "with --at give only the citation, e.g. paragraf show --at 2010-01-01 \"§ 17\"")
        }
    }

    struct Shown: Encodable {
        var schemaVersion = 1
        var version: String
        var citation: String
        var place: String
        var node: Node
        var text: String
    }

    func run() throws {
        try reportingErrors {
            let address: Address
            do {
                address = try Address.parse(arguments.last!)
            } catch let error as Address.ParseError {
                throw CLIError(error.description, exitCode: 64)
            }
            if work != nil || corpusOptions.storeOptions.namedDatabase != nil {
                try StoreRoutes.show(
                    store: try corpusOptions.storeOptions.open(corpus: corpusOptions), work: work, at: at,
                    version: at == nil ? arguments.first : nil, address: address, format: format)
                return
            }
            var versionID = arguments.first!
            if let at {
                let applied = try corpusOptions.applied(at: at)
                guard applied.version.manifest.hasText else {
                    // Which version applied, and that its text is missing: never another version's text.
                    if format == .json {
                        print(try Output.json(applied.missingText(citation: address.description)))
                    }
                    throw CLIError(applied.missingTextMessage)
                }
                versionID = applied.version.work.id + "/" + applied.version.id
                for note in applied.notes { Output.error(note) }
            }
            let (corpusVersion, parsed) = try corpusOptions.open(versionID)
            let index = parsed.document.nodeTable()
            switch index.lookup(address) {
            case .failure(let error):
                throw CLIError("\(corpusVersion.id): \(error.description)")
            case .success(let node):
                let place = index.place(of: node.id)
                let text = ProvisionFormatter().format(node)
                switch format {
                case .json:
                    print(
                        try Output.json(
                            Shown(version: corpusVersion.id, citation: address.description, place: place, node: node, text: text),
                            locations: parsed.source.locations))
                case .text:
                    print("\(parsed.document.metadata.title ?? corpusVersion.title) (\(corpusVersion.id)) › \(place)")
                    print("")
                    print(text)
                }
            }
        }
    }
}
