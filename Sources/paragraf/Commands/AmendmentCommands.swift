import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

/// Reads an amending act from a file (or standard input), printing what could not be read to standard error.
func readAmendingAct(_ path: String, quiet: Bool) throws -> ReadAmendingAct {
    let bytes = try Output.readInput(path)
    let read = AmendmentReader.read(bytes, sourceName: path)
    if !quiet {
        for diagnostic in read.act.allDiagnostics { Output.error(diagnostic.rendered(file: path, source: read.source)) }
    }
    if read.act.diagnostics.contains(where: { $0.code == AmendmentDiagnosticCode.unsupportedFormat.code }) {
        throw CLIError(
            "\(path): not an amending act's text or LexDania XML (HTML pages and dataset documents hold no readable instructions)")
    }
    return read
}

struct AmendmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amendments",
        abstract: "List the instructions of an amending act as typed operations.",
        discussion: """
            Reads an amending act (ændringslov or ændringsbekendtgørelse), as plain text or LexDania XML \
            (detected by content): the act each § amends (by name, and the LBK/LOV/BEK it names by number and \
            date), each numbered instruction as operations with their addresses — words replaced, inserted or \
            deleted, provisions inserted, repealed or rewritten, renumbering ("Stk. 3-6 bliver herefter stk. \
            4-7.") — and the act's own §§ (entry into force). Quoted new text is read as provisions of the \
            amended act.

            An instruction that cannot be read stays in the list, marked unread, with its text; the reason is \
            printed on standard error as file:line:col: warning[A003]: …

            Exit status: 0 when every instruction was read, 1 when one was not (or nothing amends an act, or \
            the file cannot be read), 64 bad usage.

            Examples:
              paragraf amendments fixtures/hold-af-dyr/LOV-2023-1547-aendring-hold-af-dyr.xml
              paragraf amendments fixtures/amendments/lov-1547-2023.txt --format json
              cat aendring.txt | paragraf amendments -
            """)

    @Argument(help: "The amending act: a text or LexDania XML file, or - for standard input.") var file: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "Do not print diagnostics on standard error.") var quiet = false

    struct Envelope: Encodable {
        var schemaVersion = AmendingAct.schemaVersion
        var act: AmendingAct
    }

    func run() throws {
        try reportingErrors {
            let read = try readAmendingAct(file, quiet: quiet)
            switch format {
            case .text: print(AmendmentListFormatter().format(read.act), terminator: "")
            case .json: print(try Output.json(Envelope(act: read.act), locations: read.source.locations))
            }
            let act = read.act
            if act.amendments.isEmpty || act.instructions.contains(where: { $0.status != .read }) {
                throw ExitCode(1)
            }
        }
    }
}

/// The base version and the amendment of it that `apply`, `verify` and `diff --amendments` work with.
struct AmendmentInputs {
    var baseName: String
    var base: ParsedDocument
    var amendingPath: String
    var read: ReadAmendingAct
    var amendment: ActAmendment

    /// Loads the base (a corpus version id or a file) and the amending act, and picks the amendment of the base.
    init(corpus: CorpusOptions, base: String, amending: String, act: String?, quiet: Bool) throws {
        let loaded = try corpus.loadVersionOrFile(base)
        baseName = loaded.name
        self.base = loaded.parsed
        amendingPath = amending
        read = try readAmendingAct(amending, quiet: quiet)
        do {
            amendment = try read.act.amendment(for: loaded.parsed.document, named: act)
        } catch let error as AmendmentSelectionError {
            throw CLIError(error.description, exitCode: act == nil && read.act.amendments.count > 1 ? 64 : 1)
        }
    }

    /// Prints the diagnostics of operations that failed, compiler-style, at the instruction in the amending act.
    func printFailures(_ applied: AppliedAct) {
        for outcome in applied.outcomes {
            for diagnostic in outcome.allDiagnostics where diagnostic.severity == .error {
                Output.error(diagnostic.rendered(file: amendingPath, source: read.source))
            }
        }
    }
}

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply an amending act's instructions to a version of the act it amends.",
        discussion: """
            Reads the amending act (text or LexDania XML), picks the part that amends BASE (by the version it \
            names, or by the act's name; --act chooses when the act amends several), and applies each \
            instruction to the provision it addresses, in order, carrying renumbering through. Writes the \
            amended act: as text (--format text, the default) or as its parsed tree with the outcome of every \
            instruction (--format json, the JSON of `paragraf parse` under "document").

            How each instruction went is printed on standard error; an instruction whose address or quoted \
            words are not in the base is reported with both texts, never skipped silently.

            BASE is a corpus version id or a file in any format `paragraf parse` reads.

            Exit status: 0 when every instruction was applied, 1 when one was not (or a file cannot be read), \
            64 bad usage (also when the act amends several acts and none is chosen).

            Examples:
              paragraf apply lbk-9-2022.txt fixtures/hold-af-dyr/LOV-2023-1547-aendring-hold-af-dyr.xml -o lbk-applied.txt
              paragraf apply base.txt aendring.txt --act dyrevelfærdsloven --format json
              paragraf apply 2020 fixtures/amendments/synthetic/bek-aendring-tandpleje.txt
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The version amended: a corpus version id or a file.") var base: String
    @Argument(help: "The amending act: a text or LexDania XML file.") var amending: String
    @Option(
        help: ArgumentHelp(
            "Which amended act, when the act amends several: its § (\"1\"), name or version (\"9/2022\").", valueName: "NAME"))
    var act: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the amended act to a file instead of standard output.", valueName: "FILE"))
    var output: String?
    @Option(help: "Output format: text (the amended act) or json (its tree and the outcomes).") var format: OutputFormat = .text
    @Flag(help: "Print no report or diagnostics on standard error.") var quiet = false

    func run() throws {
        try reportingErrors {
            let inputs = try AmendmentInputs(corpus: corpusOptions, base: base, amending: amending, act: act, quiet: quiet)
            let applied = AmendmentApplier.apply(inputs.amendment, to: inputs.base)
            let sink = try ReportSink(path: output)
            switch format {
            case .text: try sink.write(applied.text)
            case .json:
                // The instructions' positions are in the amending act, the document's in the amended text.
                let act = inputs.read.source.locations
                let json = try Output.jsonObject([
                    .init("schemaVersion", AppliedAct.schemaVersion),
                    .init("amendment", applied.amendment, locations: act),
                    .init("outcomes", applied.outcomes, locations: act),
                    .init("text", applied.text),
                    .init("document", applied.parsed.document, locations: applied.parsed.source.locations),
                ])
                try sink.write(json + "\n")
            }
            try sink.finish()
            if !quiet {
                Output.error(ApplyReportFormatter().format(applied, act: inputs.read.act))
                inputs.printFailures(applied)
            }
            if !applied.isFullyApplied { throw ExitCode(1) }
        }
    }
}

/// Report formats of `paragraf verify`.
enum VerifyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a published consolidation against its base version and an amending act.",
        discussion: """
            Applies the amending act's instructions to BASE (as `paragraf apply` does) and compares the result \
            with CONSOLIDATED § by §, stk. by stk., chapter by chapter. Then the other way round: every change \
            the diff engine finds between BASE and CONSOLIDATED must be explained — by an instruction, by the \
            consolidation's own metadata (its number, date, signers), by a part one source does not hold (a \
            dataset document has no chapter headings), by text one source keeps as a note, or by the same text \
            read differently — or it is reported as unexplained, with both texts. Finally it checks that the \
            consolidation names the base version and the amending act, and keeps the act's in-force provision.

            BASE and CONSOLIDATED are corpus version ids or files in any format `paragraf parse` reads (text, \
            LexDania XML, HTML, dataset JSON); AMENDING is the act's text or LexDania XML.

            Exit status: 0 when everything agrees, 1 when something does not (or a file cannot be read), 64 bad \
            usage.

            Examples:
              paragraf verify fixtures/hold-af-dyr/LBK-2022-9-hold-af-dyr.json \\
                fixtures/hold-af-dyr/LOV-2023-1547-aendring-hold-af-dyr.xml fixtures/hold-af-dyr/LBK-2024-62-hold-af-dyr.xml
              paragraf verify lbk-9-2022.json lov-1547-2023.txt lbk-62-2024.json --format markdown -o report.md
              paragraf verify base.txt aendring.txt ny.txt --act dyrevelfærdsloven --format json
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "The version amended: a corpus version id or a file.") var base: String
    @Argument(help: "The amending act: a text or LexDania XML file.") var amending: String
    @Argument(help: "The published consolidation: a corpus version id or a file.") var consolidated: String
    @Option(
        help: ArgumentHelp(
            "Which amended act, when the act amends several: its § (\"1\"), name or version (\"9/2022\").", valueName: "NAME"))
    var act: String?
    @Option(help: "Report format: text, json or markdown.") var format: VerifyFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "FILE"))
    var output: String?
    @Flag(help: "Do not print the amending act's diagnostics on standard error.") var quiet = false

    struct Envelope: Encodable {
        var schemaVersion = Verification.schemaVersion
        var verification: Verification
    }

    func run() throws {
        try reportingErrors {
            let inputs = try AmendmentInputs(corpus: corpusOptions, base: base, amending: amending, act: act, quiet: quiet)
            let new = try corpusOptions.loadVersionOrFile(consolidated, maxBytes: VersionDiff.maxSourceBytes)
            let verification = ConsolidationVerifier.verify(
                base: inputs.base, act: inputs.read.act, amendment: inputs.amendment, consolidated: new.parsed,
                baseName: inputs.baseName, consolidatedName: new.name)
            let sink = try ReportSink(path: output)
            switch format {
            case .text: try sink.write(VerificationTextFormatter().format(verification))
            case .markdown: try sink.write(VerificationMarkdownFormatter().format(verification))
            case .json:
                try sink.write(try Output.json(Envelope(verification: verification), locations: inputs.read.source.locations) + "\n")
            }
            try sink.finish()
            if !verification.agrees { throw ExitCode(1) }
        }
    }
}

/// `paragraf diff OLD NEW --amendments FILE`: the diff's report, then the instruction behind each change.
enum DiffAmendments {
    struct Envelope: Encodable {
        var schemaVersion = ChangeExplanations.schemaVersion
        var diff: DocumentDiff
        var amendments: ChangeExplanations
    }

    /// Reads the amending act, applies its part for `old` to `old`, and explains every change of `diff`.
    /// The explanations and the line table of the amending act their instructions' positions are in.
    static func explanations(
        _ path: String, old: ParsedDocument, new: ParsedDocument, diff: DocumentDiff
    ) throws -> (explanations: ChangeExplanations, locations: SourceLocationConverter) {
        let read = try readAmendingAct(path, quiet: false)
        let amendment: ActAmendment
        do {
            amendment = try read.act.amendment(for: old.document)
        } catch let error as AmendmentSelectionError {
            throw CLIError(error.description, exitCode: read.act.amendments.count > 1 ? 64 : 1)
        }
        let applied = AmendmentApplier.apply(amendment, to: old)
        let explanations = ChangeExplanations(
            amendingAct: "\(read.act.designation), § \(amendment.section)", target: amendment.target, instructions: applied.outcomes,
            changes: ChangeExplainer.explain(diff, applied: applied, base: old.document, new: new.document))
        return (explanations, read.source.locations)
    }

    /// Writes the report of `format` with the explanations: after a text or Markdown report, before the end of
    /// an HTML page, beside the diff in one JSON document (`{"amendments", "diff", "schemaVersion"}`).
    static func report(
        _ diff: DocumentDiff, explanations: ChangeExplanations, locations: SourceLocationConverter, format: DiffFormat, color: Bool,
        all: Bool, sink: ReportSink
    ) throws {
        let formatter = ChangeExplanationFormatter()
        switch format {
        case .text:
            try TextReportFormatter(color: color).write(diff, to: sink.write)
            try sink.write(formatter.text(explanations))
        case .markdown:
            try MarkdownReportFormatter(includeUnchanged: all).write(diff, to: sink.write)
            try sink.write(formatter.markdown(explanations))
        case .json:
            try sink.write(try Output.json(Envelope(diff: diff, amendments: explanations), locations: locations) + "\n")
        case .html:
            var page = ""
            HTMLReportFormatter().write(diff) { page += $0 }
            let section = formatter.html(explanations)
            if let end = page.range(of: "</body>", options: .backwards) {
                page.insert(contentsOf: section, at: end.lowerBound)
            } else {
                page += section
            }
            try sink.write(page)
        }
    }
}
