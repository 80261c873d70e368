import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

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
