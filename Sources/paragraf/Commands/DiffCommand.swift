import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff

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

            With --amendments FILE (the amending act that made <new> from <old>), each change is followed by \
            the instruction behind it, or by what else explains it, or is marked unexplained (see `paragraf \
            verify`).

            Exit status: 0 (also when the versions differ, unless --exit-code), 1 error, 64 bad usage.

            Examples:
              paragraf diff 2003 2020
              paragraf diff 2003 2020 --format html --output tandpleje-2003-2020.html
              paragraf diff old.txt new.txt --format json
              paragraf diff 2020 2022 -o rapport.html
              paragraf diff 2003 1658/2017 --exit-code
              paragraf diff lbk-9-2022.json lbk-62-2024.xml --amendments lov-1547-2023.xml
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
    @Option(
        help: ArgumentHelp("An amending act of <old> (text or LexDania XML): name the instruction behind each change.", valueName: "FILE"))
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
            if let amendments {
                let (explanations, locations) = try DiffAmendments.explanations(amendments, old: a.parsed, new: b.parsed, diff: diff)
                try DiffAmendments.report(
                    diff, explanations: explanations, locations: locations, format: format, color: output == nil && color.enabled, all: all,
                    sink: sink)
                try sink.finish()
                if exitCode && !diff.isIdentical { throw ExitCode(1) }
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
            // Status 1 alone: the versions differing is no error, so nothing goes to standard error.
            if exitCode && !diff.isIdentical { throw ExitCode(1) }
        }
    }
}
