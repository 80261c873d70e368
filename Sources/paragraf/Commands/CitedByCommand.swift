import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "List every place in a version that cites a provision, with the citing sentence.",
        discussion: """
            A citation of a part counts as a citation of the whole: who cites "§ 12" includes who cites \
            "§ 12, stk. 2"; who cites "kapitel 3" includes citations of its §§ (use --exact to list only \
            citations of the node itself). Exit status 1 when the provision does not exist or nothing cites it.

            Examples:
              paragraf cited-by 2020 "§ 12"
              paragraf cited-by 2003 "§ 17, stk. 3"
              paragraf cited-by 2020 "kapitel 3" --format json
              paragraf cited-by udkast.txt "§ 2"

            With one argument naming an act's provision, every provision of a corpus database (--db, or the \
            bundled corpus's) that cites it from another document, in any version, with the version it resolved \
            to and whether the provision is there:
              paragraf cited-by "sundhedsloven § 135" --db law.sqlite
              paragraf cited-by "§ 104 i lov om social service" --db law.sqlite --format json
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(
        help:
            "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input); or, alone, an act's provision: \"sundhedsloven § 135\"."
    )
    var version: String
    @Argument(help: "The provision cited, e.g. \"§ 12\".") var citation: String?
    @Flag(help: "Only citations of the node itself, not of its parts.") var exact = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            guard let citation else {
                try StoreRoutes.citedBy(version, store: try corpusOptions.storeOptions.open(corpus: corpusOptions), format: format)
                return
            }
            let address = try parseUserAddress(citation)
            let (corpusVersion, parsed) = try corpusOptions.open(version)
            let graph = ReferenceGraph(parsed: parsed)
            let node: Node
            switch graph.nodes.lookup(address) {
            case .failure(let error): throw CLIError("\(corpusVersion.id): \(error.description)")
            case .success(let found): node = found
            }
            let citing = graph.incoming(to: node.id, includingDescendants: !exact)
            let inside = Set(
                citing.flatMap(\.targets).compactMap(\.nodeID).filter { id in
                    id == node.id || (!exact && graph.nodes.path(to: id).contains { $0.id == node.id })
                })
            let rows = citing.map {
                ResolvedCitationRow($0, index: graph.nodes, locations: parsed.source.locations, withSentence: true) {
                    $0.nodeID.map(inside.contains) ?? false
                }
            }
            switch format {
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = ReferenceCommands.schemaVersion
                    var version: String
                    var target: NodeID
                    var place: String
                    var citedBy: [ResolvedCitationRow]
                }
                print(
                    try Output.json(
                        Envelope(
                            version: corpusVersion.id, target: node.id, place: graph.nodes.place(of: node.id), citedBy: rows)))
            case .text:
                print("\(corpusVersion.id) › \(graph.nodes.place(of: node.id)) is cited \(rows.count) time\(rows.count == 1 ? "" : "s")")
                for row in rows { print(row.render()) }
            }
            if rows.isEmpty { throw ExitCode(1) }
        }
    }
}
