import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

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
