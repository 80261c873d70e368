import ArgumentParser
import Foundation
import Paragraf
import ParagrafReferences
import ParagrafStore

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
