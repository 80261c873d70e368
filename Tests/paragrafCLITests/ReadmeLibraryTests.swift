import Foundation
import ParagrafTestSupport
import Testing

/// The README's library example is `Examples/LibraryTour/main.swift`, which the package compiles: the README
/// must show that file as it is, and the output the program prints.
@Suite("README library example")
struct ReadmeLibraryTests {
    /// A text file of the package.
    static func file(_ path: String) throws -> String {
        try String(contentsOf: ParagrafCLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The fenced blocks of the README's "## Library" section, in order.
    static func librarySectionBlocks() throws -> [String] {
        let readme = try file("README.md")
        let section =
            try #require(readme.components(separatedBy: "\n## Library\n").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        var blocks: [String] = []
        var current: [Substring]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let lines = current {
                    blocks.append(lines.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    current = []
                }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theREADMEShowsTheExampleAsCompiled() throws {
        let source = try Self.file("Examples/LibraryTour/main.swift")
        let blocks = try Self.librarySectionBlocks()
        #expect(blocks.contains(source), "README's Library section must show Examples/LibraryTour/main.swift verbatim")
        #expect(blocks.contains { $0.contains(".package(path: \"../paragraf\")") })
    }

    @Test func theExamplePrintsWhatTheREADMESays() throws {
        let run = try ParagrafCLI.run([], executable: "library-tour")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3\n2 pkt.\n1013:1\n"))
        let blocks = try Self.librarySectionBlocks()
        let source = try Self.file("Examples/LibraryTour/main.swift")
        let index = try #require(blocks.firstIndex(of: source))
        #expect(blocks.count > index + 1 && blocks[index + 1] == run.stdout, "README's output block after the example")
    }

    /// A clone has no `../shared` (the development data lives beside the repository, not in it): the README and
    /// every command's help show only paths inside the clone.
    @Test func noPathsOutsideTheClone() throws {
        #expect(!(try Self.file("README.md")).contains("../shared"))
        let commands = ["parse", "export", "amendments", "apply", "verify", "diff", "show", "history", "versions"]
        for command in commands {
            let help = try ParagrafCLI.run([command, "--help"])
            #expect(help.status == 0 && !help.stdout.contains("../shared"), "paragraf \(command) --help")
        }
    }
}
