import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff
import ParagrafStore

/// Commands of the diff module (issue 4): diff, history.
enum DiffCommands {
    static let all: [any ParsableCommand.Type] = [DiffCommand.self, HistoryCommand.self]
}

/// Report formats of `paragraf diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html

    /// The format a report file's extension names: .html/.htm, .md/.markdown, .json, .txt; nil for others.
    static func inferred(from path: String) -> DiffFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "json": return .json
        case "txt", "text": return .text
        default: return nil
        }
    }
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

            <old> and <new> are corpus version ids (see `paragraf versions`; also by number and year, \
            1658/2017) or files (text, LexDania XML, HTML or dataset JSON). A version id wins over a file of the \
            same name in the working directory; write ./2020 for the file. Between corpus versions, forward in \
            time, a citation that was stale in the old version and is fixed in the new one is reported as \
            corrected. When one version's source is partial (a dataset document: §§ only), its title, \
            preamble, chapter titles, annexes and signature are not compared, and the report says so.

            Without --format, the format of --output follows its extension (.html, .md, .json, .txt); \
            otherwise text.

            Formats: text (for the terminal; coloured only on a terminal and never with NO_COLOR set, unless \
            --color always), markdown, \
            json (stable: sorted keys, `schemaVersion`; see the ParagrafDiff documentation), html (one \
            self-contained page: summary, then the provisions side by side).

            Exit status: 0 (also when the versions differ, unless --exit-code), 1 error, 64 bad usage.

            Examples:
              paragraf diff 2003 2020
              paragraf diff 2003 2020 --format html --output tandpleje-2003-2020.html
              paragraf diff old.txt new.txt --format json
              paragraf diff 2020 2022 -o rapport.html
              paragraf diff 2003 1658/2017 --exit-code
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The old version: a corpus version id or a file.") var old: String
    @Argument(help: "The new version: a corpus version id or a file.") var new: String
    @Option(help: "Report format: text, markdown, json or html (default: from the --output extension, else text).")
    var format: DiffFormat?
    @Option(help: "Colour for text: auto, always or never.") var color: ColorMode = .auto
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "FILE"))
    var output: String?
    @Flag(help: "Also list unchanged §§ in text and Markdown reports.") var all = false
    @Flag(help: "Exit with status 1 when the versions differ.") var exitCode = false
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
            // A citation stale in the old version and fixed in the new one is a correction: only forward in time.
            if let version = a.version, let later = b.version, later.work.id == version.work.id,
                later.manifest.signed > version.manifest.signed,
                let stale = try corpusOptions.staleCitations(in: version, parsed: a.parsed)
            {
                diff.markCorrections(staleInOld: stale)
            }
            let t2 = clock.now
            diff.old.sourceName = a.name
            diff.new.sourceName = b.name
            let format = self.format ?? output.flatMap(DiffFormat.inferred(from:)) ?? .text
            let sink = try ReportSink(path: output)
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
            // Status 1 alone: the versions differing is no error, so nothing goes to standard error.
            if exitCode && !diff.isIdentical { throw ExitCode(1) }
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
            text in every version with text and the words that changed at each step. A version that was \
            repealed before it applied (tandpleje 706/2024) is shown, marked "never applied"; versions known \
            without text are named in a note on standard error. A dataset version has no chapter titles: its \
            place shows the chapter number only.

            Examples:
              paragraf history "§ 17" --in 2003
              paragraf history "§ 21, stk. 3"
              paragraf history "§ 10" --in 2020 --format json
              paragraf history "§ 20" --in "BEK 1077/2020" --db law.sqlite
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
            if corpusOptions.storeOptions.namedDatabase != nil {
                try StoreRoutes.history(
                    address, in: version, store: try corpusOptions.storeOptions.open(corpus: corpusOptions), format: format,
                    color: color.enabled)
                return
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
                guard let w = corpus.works.first, let last = w.versions.last(where: \.hasText) else { throw CLIError("the corpus is empty") }
                if corpus.works.count > 1 { throw CLIError("the corpus holds several works; name a version with --in", exitCode: 64) }
                work = w
                startID = last.id
            }
            // Every version with text, in the order they applied (a version repealed before it applied is kept,
            // marked so); versions known without text are named in a note.
            let workHistory: WorkHistory
            do { workHistory = try corpus.history(of: work) } catch { throw CLIError(String(describing: error)) }
            let corpusVersions = workHistory.withText.map(\.version)
            var versions: [ProvisionHistory.Version] = []
            for entry in workHistory.withText {
                let note = entry.interval.neverApplied
                    ? "never applied (\(entry.successors.first ?? "a later version") repealed it on the day it was to enter into force, \(entry.interval.start))"
                    : nil
                do {
                    versions.append(.init(name: entry.id, parsed: try corpus.load(entry.version, parser: InputReader.parse), note: note))
                } catch {
                    throw CLIError(String(describing: error))
                }
            }
            guard let start = corpusVersions.firstIndex(where: { $0.id == startID }) else {
                throw CLIError("version \(startID) has no text in the corpus; history reads the citation in a version with text", exitCode: 1)
            }
            let missing = workHistory.entries.filter { !$0.version.manifest.hasText }.map(\.id)
            if !missing.isEmpty && format == .text {
                Output.error("note: versions without text in the corpus are not shown: \(missing.joined(separator: ", "))")
            }
            guard let history = ProvisionHistory.trace(address, startingIn: start, versions: versions) else {
                throw CLIError("\(address) does not exist in \(startID)")
            }
            switch format {
            case .text: print(HistoryFormatter(color: color.enabled).format(history), terminator: "")
            case .json:
                print(try Output.json(HistoryListing(history: history)))
            }
        }
    }
}
