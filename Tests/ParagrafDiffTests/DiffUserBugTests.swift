import Foundation
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// What a new user tripped over in `paragraf diff` and the one-version commands (issue 15, item 6), each
/// pinned with the real texts or short extracts.
@Suite("paragraf diff: the bugs a new user met")
struct DiffUserBugTests {
    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-bugs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func exitCodeSaysNothingOnStandardError() throws {
        let differ = try ParagrafCLI.run(["diff", "2003", "2020", "--exit-code"])
        #expect(differ.status == 1)
        #expect(differ.stderr.isEmpty)
        #expect(differ.stdout.hasPrefix("Bekendtgørelse om tandpleje: 2003 (2003-12-11) → 2020 (2020-06-30)"))
        let same = try ParagrafCLI.run(["diff", "2020", "2020", "--exit-code"])
        #expect(same.status == 0 && same.stderr.isEmpty)
    }

    @Test func aVersionIDWinsOverAFileOfThatNameAndDotSlashNamesTheFile() throws {
        let dir = try Self.scratch(["2020": "§ 1. Kommunen skal.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let version = try ParagrafCLI.run(["diff", "2003", "2020"], in: dir)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("Bekendtgørelse om tandpleje: 2003 (2003-12-11) → 2020 (2020-06-30)"))
        #expect(
            version.stderr == "note: \"2020\" is read as corpus version 2020, not as the file of that name; write ./2020 for the file\n")
        let file = try ParagrafCLI.run(["diff", "2003", "./2020"], in: dir)
        #expect(file.status == 0 && file.stderr.isEmpty)
        // The file: no signing date, and § 1 alone.
        #expect(file.stdout.hasPrefix("Bekendtgørelse om tandpleje: 2003 (2003-12-11) → 2020\n"))
        #expect(file.stdout.contains("§§ — 1 renumbered") || file.stdout.contains("removed"))
    }

    @Test func theOneVersionCommandsTakeFiles() throws {
        let path = ParagrafCLI.packageRoot.appendingPathComponent("corpus/tandpleje/2017_1658.json").path
        let show = try ParagrafCLI.run(["show", path, "§ 35, stk. 2"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("Bekendtgørelse nr. 179 af 28. februar 2012 om tandpleje ophæves samtidig."))
        let toc = try ParagrafCLI.run(["toc", path])
        #expect(toc.status == 0)
        #expect(toc.stdout.hasPrefix("Bekendtgørelse om tandpleje — \(path) (BEK, underskrevet 2017-12-22, i kraft 2018-01-01)"))
        let refs = try ParagrafCLI.run(["refs", path, "§ 1"])
        #expect(refs.status == 0 && refs.stdout.hasPrefix("\(path) › Kapitel 1 › § 1: "))
        let citedBy = try ParagrafCLI.run(["cited-by", path, "§ 18"])
        #expect(citedBy.status == 0 && citedBy.stdout.hasPrefix("\(path) › Kapitel 5 › § 18 is cited "))
        let check = try ParagrafCLI.run(["check", "-"], stdin: "§ 1. Se § 9.\n")
        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "-:1:10: warning[R001]: citation \"§ 9\" in § 1 › Stk. 1 › 1. pkt. does not resolve: there is no § 9; the last § is § 1"))
        #expect(try ParagrafCLI.run(["show", "/nonexistent/x.txt", "§ 1"]).status == 1)
    }

    @Test func theOutputExtensionChoosesTheFormat() throws {
        let dir = try Self.scratch([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, start) in [("r.html", "<!DOCTYPE html>"), ("r.md", "# "), ("r.json", "{"), ("r.txt", "Bekendtgørelse om tandpleje:")] {
            let result = try ParagrafCLI.run(["diff", "2003", "2020", "-o", dir.appendingPathComponent(name).path])
            #expect(result.status == 0)
            let written = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(written.hasPrefix(start), "\(name)")
        }
        // An explicit --format wins; an unknown extension is text.
        _ = try ParagrafCLI.run(["diff", "2003", "2020", "--format", "json", "-o", dir.appendingPathComponent("x.html").path])
        #expect(try String(contentsOf: dir.appendingPathComponent("x.html"), encoding: .utf8).hasPrefix("{"))
        _ = try ParagrafCLI.run(["diff", "2003", "2020", "-o", dir.appendingPathComponent("x.rapport").path])
        #expect(try String(contentsOf: dir.appendingPathComponent("x.rapport"), encoding: .utf8).hasPrefix("Bekendtgørelse"))
    }

    @Test func textsWithoutStructureOrDifferingBeforeParagraphOneAreDifferent() throws {
        let plain = VersionDiff.compare(
            parseText("Kommunen skal betale for tandpleje.\n", name: "a"), parseText("Regionen skal betale for tandpleje.\n", name: "b"))
        #expect(!plain.isIdentical)
        #expect(
            plain.outsideSections == [
                OutsideTextChange(kind: .unplaced, old: "Kommunen skal betale for tandpleje.", new: "Regionen skal betale for tandpleje.")
            ])
        #expect(
            TextReportFormatter().format(plain).contains(
                "• Text outside the §§ — 1 passage differs: “Kommunen skal betale for tandpleje.” → “Regionen skal betale for tandpleje.”.")
        )
        let before = VersionDiff.compare(
            parseText("Noget tekst om x.\n§ 1. Kommunen skal.\n", name: "a"),
            parseText("Andet tekst om y.\n§ 1. Kommunen skal.\n", name: "b"))
        #expect(!before.isIdentical && before.outsideSections?.count == 1)
        let same = VersionDiff.compare(parseText("Kommunen skal.\n", name: "a"), parseText("Kommunen skal.\n", name: "b"))
        #expect(same.isIdentical && same.outsideSections == nil)
        let dir = try Self.scratch(["a.txt": "Kommunen skal betale.\n", "b.txt": "Regionen skal betale.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ParagrafCLI.run(["diff", "a.txt", "b.txt", "--exit-code"], in: dir).status == 1)
    }

    @Test func inShortIsNeverEmptyWhenOnlyWordingChanged() throws {
        let diff = VersionDiff.compare(
            parseText("Bekendtgørelse om x\n\n§ 1. Kommunen skal betale.\n", name: "a"),
            parseText("Bekendtgørelse om x\n\n§ 1. Kommunen skal straks betale.\n", name: "b"))
        let text = TextReportFormatter().format(diff)
        #expect(text.contains("• Wording — changed in § 1, stk. 1 (no amount, term, duty or citation changed)."))
        #expect(MarkdownReportFormatter().format(diff).contains("- Wording — changed in § 1, stk. 1"))
        // A richer diff keeps its story as before: no wording line.
        #expect(
            !TextReportFormatter().format(VersionDiff.compare(try parseFile(corpus2003), try parseFile(corpus2020))).contains("• Wording"))
    }

    @Test func theHTMLReportReadsOnAPhoneAndPrints() throws {
        let html = HTMLReportFormatter().format(VersionDiff.compare(try parseFile(corpus2003), try parseFile(corpus2020)))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media (max-width:700px){"))
        #expect(html.contains("section>table{display:block;overflow-x:auto}"))
        #expect(html.contains("table.sxs,table.sxs tbody,table.sxs tr,table.sxs th,table.sxs td{display:block;width:auto}"))
        #expect(html.contains("@media print{"))
    }
}
