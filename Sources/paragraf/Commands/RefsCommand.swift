import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

struct RefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "List the citations in a provision (or a whole version) with what each points to.",
        discussion: """
            Every citation in the text of the node (its stk., items and sentences included): its position, lead \
            word ("jf.", "jf. dog", "i henhold til" …), kind (internalAbsolute, internalRelative, externalAct, \
            otherInstrument, euRegulation) and, for each target, the resolved provision's place and first words, \
            the external act, or why it does not resolve. Exit status 1 when the provision does not exist.

            Examples:
              paragraf refs 2020 "§ 1"
              paragraf refs 2003 "§ 2, stk. 3"
              paragraf refs 2020 --format json
              paragraf refs udkast.xml "§ 4"
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(
        help:
            "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input)."
    ) var version: String
    @Argument(help: "A provision, e.g. \"§ 17\" or \"kapitel 3\"; omit for the whole version.") var citation: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let (corpusVersion, parsed) = try corpusOptions.open(version)
            let graph = ReferenceGraph(parsed: parsed)
            var nodeID = NodeID.document
            if let citation {
                let address = try parseUserAddress(citation)
                switch graph.nodes.lookup(address) {
                case .failure(let error): throw CLIError("\(corpusVersion.id): \(error.description)")
                case .success(let node): nodeID = node.id
                }
            }
            let found = nodeID == .document ? graph.citations : graph.outgoing(from: nodeID)
            let rows = found.map { ResolvedCitationRow($0, index: graph.nodes, locations: parsed.source.locations) }
            switch format {
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = ReferenceCommands.schemaVersion
                    var version: String
                    var node: NodeID
                    var citations: [ResolvedCitationRow]
                }
                print(try Output.json(Envelope(version: corpusVersion.id, node: nodeID, citations: rows)))
            case .text:
                let place = nodeID == .document ? "whole version" : graph.nodes.place(of: nodeID)
                print("\(corpusVersion.id) › \(place): \(rows.count) citation\(rows.count == 1 ? "" : "s")")
                for row in rows { print(row.render()) }
            }
        }
    }
}
