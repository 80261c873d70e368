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

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse any regulation text and print its tree, its JSON or a one-line summary.",
        discussion: """
            Reads a file (or - for standard input) in UTF-8 with or without BOM, CRLF, or Windows-1252 / \
            ISO-8859-1. Diagnostics go to standard error as file:line:col: severity[CODE]: message. The JSON \
            output is documented in the README (schemaVersion 1).

            Given several files or a directory, parses each file (a directory's files in name order, not its \
            subdirectories) as a document of its own in one process, --jobs at a time (default: one per \
            processor), and prints one summary line (or outline) per document, in that order; a file that \
            cannot be read is reported and the others are parsed (exit 1 at the end).

            Examples:
              paragraf parse corpus/tandpleje/2020-bek-tandpleje.txt --format summary
              cat regulation.txt | paragraf parse - --format json > tree.json
              paragraf parse texts/ --format summary --quiet > summaries.txt
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, summary
    }

    @Argument(help: "The file to parse, or - for standard input; several files or directories: each file on its own.")
    var files: [String] = []
    @Option(help: "Output format: text (outline), json (full tree) or summary (one line of counts).") var format: Format = .text
    @Flag(help: "Do not print diagnostics on standard error.") var quiet = false
    @Option(help: "With several documents: how many to parse at a time (default: one per processor).") var jobs: Int?

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

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a file to parse (or - for standard input), or a directory") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if files.count > 1 || Self.isDirectory(files[0]) {
            guard format != .json else {
                throw ValidationError("several documents print --format summary or text; parse one file at a time for JSON")
            }
            guard !files.contains("-") else { throw ValidationError("standard input (-) is one document; give it alone") }
        }
    }

    func run() throws {
        if files.count == 1 && !Self.isDirectory(files[0]) {
            try reportingErrors { try parseOne(files[0]) }
            return
        }
        var paths: [String] = []
        try reportingErrors { paths = try Self.documents(in: files) }
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, 64)
        let format = format
        let quiet = quiet
        var failed = false
        // Documents are parsed `workers` at a time, a window at a time, and printed in order as each window ends.
        let window = max(1, workers * 16)
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(paths.count, start + window)])
            let outcomes = BatchOutcomes(count: batch.count)
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                    outcomes.set(i, Self.outcome(of: batch[i], format: format, quiet: quiet))
                }
            } else {
                for (i, path) in batch.enumerated() { outcomes.set(i, Self.outcome(of: path, format: format, quiet: quiet)) }
            }
            for outcome in outcomes.all {
                print(outcome.output, terminator: "")
                if !outcome.errors.isEmpty { Output.error(outcome.errors) }
                failed = failed || outcome.failed
            }
            start += batch.count
        }
        if failed { throw ExitCode(1) }
    }

    /// What one document of a batch prints: its summary (or outline), its diagnostics or the error reading it.
    struct Outcome: Sendable {
        var output = ""
        var errors = ""
        var failed = false
    }

    static func outcome(of path: String, format: Format, quiet: Bool) -> Outcome {
        do {
            let bytes = try Output.readInput(path)
            let parsed = InputReader.parse(bytes, sourceName: path)
            var outcome = Outcome()
            outcome.output =
                format == .text ? OutlineFormatter().format(parsed) : SummaryFormatter().format(parsed.document) + "\n"
            if !quiet {
                outcome.errors = parsed.document.diagnostics.map { $0.rendered(file: path, source: parsed.source) + "\n" }.joined()
            }
            return outcome
        } catch let error as CLIError {
            return Outcome(errors: "paragraf: error: \(error.message)\n", failed: true)
        } catch {
            return Outcome(errors: "paragraf: error: \(path): \(error)\n", failed: true)
        }
    }

    /// Parses one file and prints it in the chosen format, its diagnostics on standard error.
    func parseOne(_ file: String) throws {
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

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files to parse: each path as given, a directory's regular files (not hidden ones, not its
    /// subdirectories) in name order.
    static func documents(in paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            guard isDirectory(path) else {
                result.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw CLIError("cannot read the directory \(path)")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            result += names.filter { !$0.hasPrefix(".") }.sorted().map { base + $0 }.filter { !isDirectory($0) }
        }
        return result
    }
}

/// The outcomes of a window of documents parsed concurrently, each written once by the worker that parsed it.
final class BatchOutcomes: @unchecked Sendable {
    private var slots: [ParseCommand.Outcome]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ParseCommand.Outcome(), count: count) }

    func set(_ index: Int, _ outcome: ParseCommand.Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [ParseCommand.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
