import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Find the citations in any Danish prose (a letter, a municipal page) and group them by act.",
        discussion: """
            Reads a file or standard input (-) and lists each citation under the act it names ("lov om aktiv \
            socialpolitik" for "LAS §82", "aktivloven" and "Lov om Aktiv Socialpolitik"), instruments by type, \
            number and date, and EU regulations. Citations that name no act are listed apart: the tool does \
            not guess their act. When the corpus holds a regulation that cites the same provision, or the \
            instrument is one the corpus knows, the link is shown. Exit status 1 when no citation is found.

            Examples:
              paragraf cite letter.txt
              cat note.txt | paragraf cite - --format json
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The file to read, or - for standard input.") var file: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    struct Group: Encodable {
        var act: String
        var actKey: String?
        var citations: [Row]
    }

    struct Row: Encodable {
        var line: Int
        var column: Int
        var lead: String
        var text: String
        var kind: CitationKind
        var targets: [String]
        var instrument: InstrumentReference?
        var euRegulation: EURegulation?
        var corpusLinks: [String]
    }

    func run() throws {
        try reportingErrors {
            let bytes = try Output.readInput(file)
            let decoded = InputReader.parse(bytes, sourceName: file).source
            let citations = CitationExtractor().citations(inProse: decoded)
            let links = CorpusLinks(corpus: try? corpusOptions.corpus(), parser: InputReader.parse)
            let ordered = CitationGroup.grouped(citations).map { group in
                Group(
                    act: group.act, actKey: group.actKey,
                    citations: group.citations.map { c in
                        let start = decoded.locations.location(of: c.span.start)
                        return Row(
                            line: start.line, column: start.column, lead: c.lead.rawValue, text: c.text, kind: c.kind,
                            targets: c.targets.map(\.description), instrument: c.instrument, euRegulation: c.euRegulation,
                            corpusLinks: links.links(for: c))
                    })
            }
            switch format {
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = ReferenceCommands.schemaVersion
                    var file: String
                    var citations: Int
                    var acts: [Group]
                }
                print(try Output.json(Envelope(file: file, citations: citations.count, acts: ordered)))
            case .text:
                print("\(file): \(citations.count) citation\(citations.count == 1 ? "" : "s")")
                for group in ordered {
                    print("")
                    print("\(group.act) (\(group.citations.count))")
                    for row in group.citations {
                        var line = "  \(row.line):\(row.column)  " + (row.lead.isEmpty ? row.text : "\(row.lead) \(row.text)")
                        if !row.targets.isEmpty { line += "  → " + row.targets.joined(separator: "; ") }
                        if let instrument = row.instrument {
                            line +=
                                "  → \(instrument.type.abbreviation) \(instrument.number ?? "?")"
                                + (instrument.date.map { ", \($0)" } ?? "")
                        }
                        if let eu = row.euRegulation { line += "  → EU \(eu)" }
                        print(line)
                        for link in row.corpusLinks { print("      corpus: \(link)") }
                    }
                }
            }
            if citations.isEmpty { throw ExitCode(1) }
        }
    }
}
