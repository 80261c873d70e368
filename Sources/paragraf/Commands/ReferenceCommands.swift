import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

/// Commands of the references module (issue 3): refs, cited-by, resolve, check, cite.
enum ReferenceCommands {
    static let all: [any ParsableCommand.Type] = [
        RefsCommand.self, CitedByCommand.self, ResolveCommand.self, CheckCommand.self, CiteCommand.self,
    ]

    /// The JSON schema version of the reference commands' output.
    static let schemaVersion = 1
}

// MARK: - Shared rendering

/// Reads a citation typed by a user ("§ 17, stk. 3") as an address, exit 64 when unreadable.
func parseUserAddress(_ text: String) throws -> Address {
    do {
        return try Address.parse(text)
    } catch {
        throw CLIError(error.description, exitCode: 64)
    }
}

// MARK: - refs

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

// MARK: - cited-by

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

// MARK: - resolve

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

// MARK: - check

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a version: citations that lead nowhere, numbering gaps or duplicates, parse diagnostics.",
        discussion: """
            Prints each finding compiler-style, file:line:col: severity[CODE]: message, with the source line \
            and a caret. Codes: R001 unresolved citation (with the reason), R002 § numbering, R003 stk. \
            numbering, R004 item numbering; P0xx come from the parser. Findings go to standard output (they are \
            the data), the summary to standard error. Exit status 1 when there is a warning or an error.

            Examples:
              paragraf check 2020
              paragraf check 2003 --format json
              paragraf check udkast.txt
              paragraf check --all --db law.sqlite
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var allOptions: CheckAllOptions
    @Argument(
        help:
            "A version id (2003, 1658/2017; see `paragraf versions`) or a file (text, LexDania XML, HTML or dataset JSON; - for standard input); omit with --all."
    ) var version: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if allOptions.all == (version != nil) {
            throw ValidationError(
                allOptions.all ? "give a version or --all, not both" : "expected a version id, e.g. paragraf check 2020, or --all")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let version else {
                try StoreRoutes.checkAll(
                    store: try corpusOptions.storeOptions.open(corpus: corpusOptions), limit: allOptions.limit, types: allOptions.type,
                    format: format)
                return
            }
            let (corpusVersion, parsed) = try corpusOptions.open(version)
            let graph = ReferenceGraph(parsed: parsed)
            let findings = VersionCheck.findings(parsed: parsed, graph: graph)
            // Relative to the working directory when under it, so that output is the same on every machine.
            let cwd = FileManager.default.currentDirectoryPath + "/"
            let path = corpusVersion.path
            let file = path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
            switch format {
            case .json:
                struct Finding: Encodable {
                    var code: String
                    var severity: Severity
                    var message: String
                    var line: Int
                    var column: Int
                    var offset: Int
                }
                struct Envelope: Encodable {
                    var schemaVersion = ReferenceCommands.schemaVersion
                    var version: String
                    var file: String
                    var citations: Int
                    var unresolvedCitations: Int
                    var findings: [Finding]
                }
                let locations = parsed.source.locations
                let rows = findings.map {
                    let start = locations.location(of: $0.range.start)
                    return Finding(
                        code: $0.code, severity: $0.severity, message: $0.message, line: start.line, column: start.column,
                        offset: start.offset)
                }
                print(
                    try Output.json(
                        Envelope(
                            version: corpusVersion.id, file: file, citations: graph.citations.count,
                            unresolvedCitations: graph.unresolved.count, findings: rows)))
            case .text:
                for finding in findings { print(finding.rendered(file: file, source: parsed.source)) }
            }
            let targets = graph.citations.reduce(0) { $0 + $1.targets.count }
            let unresolvedTargets = graph.citations.reduce(0) { $0 + $1.unresolvedTargets.count }
            Output.error(
                "\(corpusVersion.id): \(graph.citations.count) citations (\(targets) targets), \(unresolvedTargets) unresolved; \(findings.count) finding\(findings.count == 1 ? "" : "s")"
            )
            if findings.contains(where: { $0.severity >= .warning }) { throw ExitCode(1) }
        }
    }
}

// MARK: - cite

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
