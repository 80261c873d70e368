import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

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
