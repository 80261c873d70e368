import ArgumentParser
import Foundation
import Paragraf

struct TocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toc",
        abstract: "Show a version's table of contents: chapters and §§ with titles or first words.",
        discussion: """
            Example:
              paragraf toc 2003
              paragraf toc 2020 --format json
              paragraf toc ny-bekendtgoerelse.txt
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(
        help:
            "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input)."
    ) var version: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "How many characters of a §'s first words to show.") var width: Int = 70

    struct Entry: Encodable {
        var id: NodeID
        var kind: NodeKind
        var label: String
        var title: String?
        var firstWords: String?
        var subsections: Int?
        var isRepealed: Bool
        var entries: [Entry]?
    }

    func run() throws {
        try reportingErrors {
            let (corpusVersion, parsed) = try corpusOptions.open(version)
            let document = parsed.document
            let entries = document.root.children.compactMap(entry)
            switch format {
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = 1
                    var version: String
                    var title: String?
                    var entries: [Entry]
                }
                print(try Output.json(Envelope(version: corpusVersion.id, title: document.metadata.title, entries: entries)))
            case .text:
                let m = document.metadata
                print("\(m.title ?? corpusVersion.title) — \(corpusVersion.id) (\(corpusVersion.dates))")
                for e in entries { printEntry(e, depth: 0) }
            }
        }
    }

    func entry(_ node: Node) -> Entry? {
        switch node.kind {
        case .part, .chapter, .annex:
            return Entry(
                id: node.id, kind: node.kind, label: node.label ?? node.citationLabel, title: node.title, firstWords: nil,
                subsections: nil, isRepealed: node.isRepealed, entries: node.children.compactMap(entry))
        case .section:
            let words = node.plainText
            return Entry(
                id: node.id, kind: node.kind, label: node.citationLabel, title: nil,
                firstWords: node.isRepealed ? "(Ophævet)" : excerpt(words), subsections: node.children(.subsection).count,
                isRepealed: node.isRepealed, entries: nil)
        case .preamble:
            return Entry(
                id: node.id, kind: node.kind, label: "Indledning", title: nil, firstWords: excerpt(node.plainText),
                subsections: nil, isRepealed: false, entries: nil)
        default:
            return nil
        }
    }

    func excerpt(_ text: String) -> String {
        text.count > width ? String(text.prefix(width)) + "…" : text
    }

    func printEntry(_ e: Entry, depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        switch e.kind {
        case .section:
            let label = e.label.padding(toLength: max(e.label.count, 7), withPad: " ", startingAt: 0)
            let stk = (e.subsections ?? 0) > 1 ? "  [\(e.subsections!) stk.]" : ""
            print("\(indent)\(label) \(e.firstWords ?? "")\(stk)")
        default:
            print("\(indent)\(e.label)\(e.title.map { "  " + $0 } ?? "")\(e.firstWords.map { ": " + $0 } ?? "")")
        }
        for child in e.entries ?? [] { printEntry(child, depth: depth + 1) }
    }
}
