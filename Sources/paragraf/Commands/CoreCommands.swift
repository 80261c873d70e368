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
    @Argument(help: "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input).") var version: String
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
                    print(try Output.json(Shown(version: corpusVersion.id, citation: address.description, place: place, node: node, text: text), locations: parsed.source.locations))
                case .text:
                    print("\(parsed.document.metadata.title ?? corpusVersion.title) (\(corpusVersion.id)) › \(place)")
                    print("")
                    print(text)
                }
            }
        }
    }
}

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse any regulation text and print its tree, its JSON or a one-line summary.",
        discussion: """
            Reads a file (or - for standard input) in UTF-8 with or without BOM, CRLF, or Windows-1252 / \
            ISO-8859-1. Diagnostics go to standard error as file:line:col: severity[CODE]: message. The JSON \
            output is documented in the README (schemaVersion 1).

            Examples:
              paragraf parse corpus/tandpleje/2020-bek-tandpleje.txt --format summary
              cat regulation.txt | paragraf parse - --format json > tree.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, summary
    }

    @Argument(help: "The file to parse, or - for standard input.") var file: String
    @Option(help: "Output format: text (outline), json (full tree) or summary (one line of counts).") var format: Format = .text
    @Flag(help: "Do not print diagnostics on standard error.") var quiet = false

    struct Envelope: Encodable {
        var schemaVersion = Document.schemaVersion
        var document: Document
    }

    /// Writes the tree as JSON, one child of the root at a time: the JSON of a whole tree runs to ten times
    /// the text, and encoding it at once held several copies of it (220 MB for a 4.6 MB text).
    static func writeJSON(_ parsed: ParsedDocument) throws {
        let document = parsed.document
        let encoder = PrettyJSONEncoder(userInfo: [.sourceLocations: parsed.source.locations])
        let sink = try ReportSink(path: nil)
        // The root's children stand in the skeleton as one placeholder child, found and replaced below.
        let placeholder = Node(kind: .unplaced, id: "\u{1}children", range: SourceRange(0..<0))
        var skeleton = document
        skeleton.root.children = [placeholder]
        let text = Array(try encoder.encode(Envelope(document: skeleton))) + [0x0A]
        if !document.root.children.isEmpty, let (range, indent) = JSONPieces.locate(try encoder.encode(placeholder), in: text) {
            try sink.write(Array(text[..<range.lowerBound]))
            try JSONPieces.writeEntries(document.root.children, indent: indent, encoder: encoder, to: sink.write)
            try sink.write(Array(text[range.upperBound...]))
        } else {
            try sink.write(Array(try encoder.encode(Envelope(document: document))) + [0x0A])
        }
        try sink.finish()
    }

    func run() throws {
        try reportingErrors {
            let bytes = try Output.readInput(file)
            let parsed = InputReader.parse(bytes, sourceName: file)
            switch format {
            case .json: try Self.writeJSON(parsed)
            case .summary: print(SummaryFormatter().format(parsed.document))
            case .text: print(OutlineFormatter().format(parsed), terminator: "")
            }
            if !quiet {
                for diagnostic in parsed.document.diagnostics {
                    Output.error(diagnostic.rendered(file: file, source: parsed.source))
                }
            }
        }
    }
}
