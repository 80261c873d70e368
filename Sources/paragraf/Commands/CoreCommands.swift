import ArgumentParser
import Foundation
import Paragraf

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List the works in the corpus and their versions with dates.",
        discussion: """
            For each version: its id (used by the other commands), type and number, signing date, in-force \
            period, era and the act it repealed. A version's end is known only when the next corpus version \
            repealed it; otherwise it is shown as unknown.

            With a work or --db (or PARAGRAF_DB), the versions come from a corpus database (see `paragraf \
            import`): every version found, those known only from a repeal statement too, with the amending \
            instruments.

            Example:
              paragraf versions
              paragraf versions --format json
              paragraf versions tandpleje --db law.sqlite
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A work of the corpus database (see `paragraf works`); all works without.") var work: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    struct VersionRow: Encodable {
        var work: String
        var workTitle: String
        var id: String
        var documentType: String
        var number: String?
        var signed: LegalDate
        var inForce: LegalDate
        var endDate: LegalDate?
        var endDateNote: String
        var era: String
        var repeals: RepealedInstrument?
        var file: String
        var sha256: String
    }

    func run() throws {
        try reportingErrors {
            if work != nil || storeOptions.namedDatabase != nil {
                try StoreRoutes.versions(work, store: try storeOptions.open(corpus: corpusOptions), format: format)
                return
            }
            let corpus = try corpusOptions.corpus()
            let rows = corpus.versions.map { v in
                VersionRow(
                    work: v.work.id, workTitle: v.work.title, id: v.id, documentType: v.manifest.documentType,
                    number: v.manifest.number, signed: v.manifest.signed, inForce: v.manifest.inForce, endDate: v.endDate,
                    endDateNote: endNote(v), era: v.manifest.era, repeals: v.manifest.repeals, file: v.manifest.file,
                    sha256: v.manifest.sha256)
            }
            switch format {
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = 1
                    var versions: [VersionRow]
                }
                print(try Output.json(Envelope(versions: rows)))
            case .text:
                for work in corpus.works {
                    print("\(work.id)  \(work.title)")
                    for row in rows where row.work == work.id {
                        let number = row.number.map { " nr. \($0)" } ?? ""
                        let end = row.endDate.map { "\($0)" } ?? "?"
                        var line = "  \(row.id)  \(row.documentType)\(number)  underskrevet \(row.signed)  i kraft \(row.inForce) – \(end)  (\(row.era))"
                        if let repeals = row.repeals { line += "  ophæver \(repeals.description)" }
                        print(line)
                        if row.endDate == nil { print("        \(row.endDateNote)") }
                    }
                }
            }
        }
    }

    func endNote(_ v: CorpusVersion) -> String {
        if let end = v.endDate {
            return "ended \(end) when \(v.successor?.id ?? "?") repealed it"
        }
        guard let next = v.successor else { return "end date unknown: no later version in the corpus" }
        let repealed = next.repeals.map { $0.description } ?? "no stated act"
        return "end date unknown: the next corpus version, \(next.id), repealed \(repealed), not this version"
    }
}

struct TocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toc",
        abstract: "Show a version's table of contents: chapters and §§ with titles or first words.",
        discussion: """
            Example:
              paragraf toc 2003
              paragraf toc 2020 --format json
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The version id, e.g. 2003 or 2020 (see `paragraf versions`).") var version: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "How many characters of a §'s first words to show.") var width: Int = 70

    struct Entry: Encodable {
        var id: String
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
            let (_, corpusVersion, parsed) = try corpusOptions.load(version)
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
                print("\(m.title ?? corpusVersion.work.title) — \(corpusVersion.id) (\(corpusVersion.manifest.documentType), underskrevet \(corpusVersion.manifest.signed), i kraft \(corpusVersion.manifest.inForce))")
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
            "kapitel 4", "bilag 1", "indledning", "titel", "underskrift". Give a version id, or --at DATE to use \
            the version in force that day. A citation that does not exist is an error naming what exists.

            Examples:
              paragraf show 2003 "§ 17, stk. 3"
              paragraf show 2020 "§ 2, stk. 1, nr. 4"
              paragraf show --at 2021-01-01 "kapitel 4"
              paragraf show --db law.sqlite --work tandpleje --at 2015-01-01 "§ 10"
              paragraf show --db law.sqlite "BEK 959/2022" "§ 21"
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("With a corpus database: the work whose version to show.", valueName: "WORK")) var work: String?
    @Option(help: ArgumentHelp("Use the version in force on this date instead of naming one.", valueName: "YYYY-MM-DD"))
    var at: String?
    @Argument(help: "The version id (omit with --at), then the citation.") var arguments: [String] = []
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
            if work != nil || storeOptions.namedDatabase != nil {
                try StoreRoutes.show(
                    store: try storeOptions.open(corpus: corpusOptions), work: work, at: at,
                    version: at == nil ? arguments.first : nil, address: address, format: format)
                return
            }
            var versionID = arguments.first!
            if let at {
                let (version, note) = try corpusOptions.version(at: at)
                versionID = version.work.id + "/" + version.id
                if let note { Output.error(note) }
            }
            let (_, corpusVersion, parsed) = try corpusOptions.load(versionID)
            let index = parsed.document.index()
            switch index.lookup(address) {
            case .failure(let error):
                throw CLIError("\(corpusVersion.id): \(error.description)")
            case .success(let node):
                let place = index.place(of: node.id)
                let text = ProvisionFormatter().format(node)
                switch format {
                case .json:
                    print(try Output.json(Shown(version: corpusVersion.id, citation: address.description, place: place, node: node, text: text)))
                case .text:
                    print("\(parsed.document.metadata.title ?? corpusVersion.work.title) (\(corpusVersion.id)) › \(place)")
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
    static func writeJSON(_ document: Document) throws {
        let encoder = PrettyJSONEncoder()
        let sink = try ReportSink(path: nil)
        // The root's children stand in the skeleton as one placeholder child, found and replaced below.
        let position = SourcePosition(offset: 0, line: 1, column: 1)
        let placeholder = Node(kind: .unplaced, id: "\u{1}children", range: SourceRange(start: position, end: position))
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
            case .json: try Self.writeJSON(parsed.document)
            case .summary: print(SummaryFormatter().format(parsed.document))
            case .text: print(OutlineFormatter().format(parsed.document), terminator: "")
            }
            if !quiet {
                for diagnostic in parsed.document.diagnostics {
                    Output.error(diagnostic.rendered(file: file, source: parsed.source))
                }
            }
        }
    }
}
