import ArgumentParser
import ParagrafCommandLine

@main
struct ParagrafCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraf",
        abstract: "Read, query and compare Danish regulations (bekendtgørelser) as structured, versioned text.",
        discussion: """
            Paragraf parses raw regulation text into chapters, §§, stk., nr. and pkt., keeps every version of a \
            regulation in a corpus, and answers questions about them. Data goes to standard output, diagnostics \
            to standard error. Exit status: 0 ok, 1 not found or findings, 64 bad usage.

            The built-in corpus holds Bekendtgørelse om tandpleje in its 2003 (amt) and 2020 (region) versions.

            Examples:
              paragraf versions
              paragraf toc 2020
              paragraf show 2003 "§ 17, stk. 3"
              paragraf show --at 2021-01-01 "§ 21"
              paragraf resolve 2003 "jf. § 17, stk. 3" --from "§ 1, stk. 2"
              paragraf cited-by 2020 "§ 12"
              paragraf check 2020
              paragraf diff 2003 2020 --format html -o tandpleje.html
              paragraf history "§ 17" --in 2003
              paragraf export 2020 --format akn
              paragraf parse some-regulation.txt --format summary
            """,
        version: ParagrafVersion.current,
        subcommands: CoreCommands.all + ReferenceCommands.all + DiffCommands.all + XMLCommands.all + [
            AmendmentsCommand.self,
            ApplyCommand.self,
            VerifyCommand.self,
            ImportCommand.self,
            WorksCommand.self,
            SearchCommand.self,
            BasisCommand.self,
            IssuedUnderCommand.self,
            ServeCommand.self,
            MCPCommand.self,
        ]
    )
}
