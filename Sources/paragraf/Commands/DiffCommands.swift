import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff

/// Commands of the diff module (issue 4): diff, history.
enum DiffCommands {
    static let all: [any ParsableCommand.Type] = [DiffCommand.self, HistoryCommand.self]
}

/// Report formats of `paragraf diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

/// When to colour terminal output.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Colour for `auto` only on a terminal and when `NO_COLOR` is unset or empty.
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return !noColor && isatty(STDOUT_FILENO) == 1
        }
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a regulation: alignment across renumbering and classified changes.",
        discussion: """
            Aligns the chapters, §§, stk. and nr. of the two versions by content and order (whatever their \
            numbers), then reports amounts that changed, terms replaced throughout, changes of who must or may \
            act, doubtful citations (stale numbers, changed targets, citations that no longer resolve), metadata, \
            and every provision with its deleted and inserted words.

            <old> and <new> are corpus version ids (see `paragraf versions`) or paths to text files.

            Formats: text (for the terminal; coloured only on a terminal and never with NO_COLOR set, unless \
            --color always), markdown, \
            json (stable: sorted keys, `schemaVersion`; see the ParagrafDiff documentation), html (one \
            self-contained page: summary, then the provisions side by side).

            With --amendments FILE (the amending act that made <new> from <old>), each change is followed by \
            the instruction behind it, or by what else explains it, or is marked unexplained (see `paragraf \
            verify`).

            Exit status: 0 (also when the versions differ, unless --exit-code), 1 error, 64 bad usage.

            Examples:
              paragraf diff 2003 2020
              paragraf diff 2003 2020 --format html --output tandpleje-2003-2020.html
              paragraf diff old.txt new.txt --format json
              paragraf diff lbk-9-2022.json lbk-62-2024.xml --amendments lov-1547-2023.xml
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The old version: a corpus version id or a text file.") var old: String
    @Argument(help: "The new version: a corpus version id or a text file.") var new: String
    @Option(help: "Report format: text, markdown, json or html.") var format: DiffFormat = .text
    @Option(help: "Colour for text: auto, always or never.") var color: ColorMode = .auto
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "FILE"))
    var output: String?
    @Flag(help: "Also list unchanged §§ in text and Markdown reports.") var all = false
    @Flag(help: "Exit with status 1 when the versions differ.") var exitCode = false
    @Option(help: ArgumentHelp("An amending act of <old> (text or LexDania XML): name the instruction behind each change.", valueName: "FILE"))
    var amendments: String?
    @Flag(help: ArgumentHelp("Print the time spent parsing, comparing and rendering to standard error.", visibility: .hidden))
    var timings = false

    func run() throws {
        try reportingErrors {
            let clock = ContinuousClock()
            let t0 = clock.now
            // The diff's tables hold 32-bit offsets: a longer file is refused before it is read.
            let a = try corpusOptions.loadVersionOrFile(old, maxBytes: VersionDiff.maxSourceBytes)
            let b = try corpusOptions.loadVersionOrFile(new, maxBytes: VersionDiff.maxSourceBytes)
            let t1 = clock.now
            var diff = VersionDiff.compare(a.parsed, b.parsed)
            let t2 = clock.now
            diff.old.sourceName = a.name
            diff.new.sourceName = b.name
            let sink = try ReportSink(path: output)
            if let amendments {
                let explanations = try DiffAmendments.explanations(amendments, old: a.parsed, new: b.parsed, diff: diff)
                try DiffAmendments.report(diff, explanations: explanations, format: format, color: output == nil && color.enabled, all: all, sink: sink)
                try sink.finish()
                if exitCode && !diff.isIdentical { throw CLIError("", exitCode: 1) }
                return
            }
            // Every report is written as it is rendered: a whole report of two long texts runs to several times
            // their size (JSON to many times).
            switch format {
            case .text: try TextReportFormatter(color: output == nil && color.enabled).write(diff, to: sink.write)
            case .markdown: try MarkdownReportFormatter(includeUnchanged: all).write(diff, to: sink.write)
            case .json: try JSONReportFormatter().writeBytes(diff, to: sink.write)
            case .html: try HTMLReportFormatter().write(diff, to: sink.write)
            }
            try sink.finish()
            if timings {
                let t3 = clock.now
                Output.error("timings: read+parse \(t1 - t0), compare \(t2 - t1), render and write \(t3 - t2)")
            }
            if exitCode && !diff.isIdentical { throw CLIError("", exitCode: 1) }
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Follow one provision through every corpus version of its work, across renumbering.",
        discussion: """
            Reads the citation in one version (--in, default the newest), then follows the alignment of each \
            pair of consecutive versions backwards and forwards, showing the provision's number, place and \
            text in every version and the words that changed at each step.

            Examples:
              paragraf history "§ 17" --in 2003
              paragraf history "§ 21, stk. 3"
              paragraf history "§ 10" --in 2020 --format json
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The provision: \"§ 17\", \"§ 17, stk. 3\", \"§ 2, stk. 1, nr. 4\", \"kapitel 4\".") var citation: String
    @Option(name: .customLong("in"), help: ArgumentHelp("The version the citation is read in (default: the newest).", valueName: "VERSION"))
    var version: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Colour for text: auto, always or never.") var color: ColorMode = .auto

    func run() throws {
        try reportingErrors {
            let address: Address
            do {
                address = try Address.parse(citation)
            } catch {
                throw CLIError(String(describing: error), exitCode: 64)
            }
            let corpus = try corpusOptions.corpus()
            let work: WorkManifest
            let startID: String
            if let version {
                let v: CorpusVersion
                do { v = try corpus.version(version) } catch { throw CLIError(String(describing: error)) }
                work = v.work
                startID = v.id
            } else {
                guard let w = corpus.works.first, let last = w.versions.last else { throw CLIError("the corpus is empty") }
                if corpus.works.count > 1 { throw CLIError("the corpus holds several works; name a version with --in", exitCode: 64) }
                work = w
                startID = last.id
            }
            let corpusVersions = corpus.versions.filter { $0.work.id == work.id }
            var versions: [ProvisionHistory.Version] = []
            for v in corpusVersions {
                do {
                    versions.append(.init(name: v.id, parsed: try corpus.load(v, parser: InputReader.parse)))
                } catch {
                    throw CLIError(String(describing: error))
                }
            }
            guard let start = corpusVersions.firstIndex(where: { $0.id == startID }) else {
                throw CLIError("no version \(startID)")
            }
            guard let history = ProvisionHistory.trace(address, startingIn: start, versions: versions) else {
                throw CLIError("\(address) does not exist in \(startID)")
            }
            switch format {
            case .text: print(HistoryFormatter(color: color.enabled).format(history), terminator: "")
            case .json:
                struct Envelope: Encodable {
                    var schemaVersion = 1
                    var history: ProvisionHistory
                }
                print(try Output.json(Envelope(history: history)))
            }
        }
    }
}
