import Foundation
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// Runs the built `paragraf` binary for `diff` and `history`.
@Suite("paragraf diff and history")
struct DiffCLITests {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ParagrafCLI.Result {
        try ParagrafCLI.run(arguments, environment: environment)
    }

    @Test func jsonReportDecodes() throws {
        let r = try run(["diff", "2003", "2020", "--format", "json"])
        #expect(r.status == 0)
        let diff = try JSONDecoder().decode(DocumentDiff.self, from: Data(r.stdout.utf8))
        #expect(diff.schemaVersion == 1)
        #expect(diff.old.sourceName == "2003" && diff.new.sourceName == "2020")
        #expect(diff.alignment.sections.contains { $0.arrow == "§ 17 → § 21" })
        // Byte-stable across runs (hash seeds differ per process).
        #expect(try run(["diff", "2003", "2020", "--format", "json"]).stdout == r.stdout)
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        // Standard output is a pipe here, so `auto` means no colour; `always` forces it; NO_COLOR has no say
        // over an explicit `always` but keeps `auto` plain.
        let plain = try run(["diff", "2003", "2020"])
        #expect(!plain.stdout.contains("\u{1B}["))
        #expect(plain.stdout.contains("[-380-] {+540+}"))
        let forced = try run(["diff", "2003", "2020", "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}[31m380\u{1B}[0m"))
        let noColor = try run(["diff", "2003", "2020", "--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func exitCodeFlag() throws {
        #expect(try run(["diff", "2003", "2003", "--exit-code"]).status == 0)
        #expect(try run(["diff", "2003", "2020", "--exit-code"]).status == 1)
        #expect(try run(["diff", "2003", "2020"]).status == 0)
    }

    @Test func filesAndMissingFiles() throws {
        let r = try run([
            "diff", "fixtures/diff/amount-changed/old.txt", "fixtures/diff/amount-changed/new.txt", "--format", "markdown",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("| § 2, stk. 1, 1. pkt.: 500 kr. | § 2, stk. 1, 1. pkt.: 650 kr. | +30 % |"))
        let missing = try run(["diff", "2003", "nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("paragraf: error:"))
    }

    /// A file over the diff's 2 GiB limit is refused by its size, before a byte is read: a sparse file of
    /// 2 GiB takes no disk and, were it read, would take seconds and gigabytes.
    @Test func fileOverTheDiffLimitIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-huge-\(UUID()).txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(VersionDiff.maxSourceBytes) + 1)
        try handle.close()
        let r = try run(["diff", "2003", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr == "paragraf: error: \(path) has 2147483648 bytes; paragraf diff compares versions of at most "
                + "2147483647 bytes (2 GiB − 1) each\n")
    }

    @Test func htmlToAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-diff-\(UUID()).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try run(["diff", "2003", "2020", "--format", "html", "--output", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("id=\"s-p17-p21\""))
        #expect(html.contains("href=\"#s-p17-p21\""))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    }

    @Test func jsonToAFileAndToNowhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-json-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("diff.json").path
        let r = try run(["diff", "2003", "2020", "--format", "json", "--output", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try run(["diff", "2003", "2020", "--format", "json"])).stdout)
        // Only the report is left in the folder: the temporary file was renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["diff.json"])
        let missing = try run(["diff", "2003", "2020", "--format", "json", "--output", dir.path + "/no/such/dir/x.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "paragraf: error: cannot write \(dir.path)/no/such/dir/x.json: No such file or directory\n")
    }

    @Test func historyFollowsRenumbering() throws {
        let r = try run(["history", "§ 17", "--in", "2003"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2003: § 17  Kapitel 5 Amtsspecialtandpleje › § 17"))
        #expect(r.stdout.contains("2020: § 21  Kapitel 6 Regionstandpleje › § 21"))
        // Through every version with text: § 18 in 2012 and 2017, § 21 from 2020; 706/2024 marked.
        #expect(r.stdout.contains("2003 → 2012: § 17 → § 18 (renumbered)"))
        #expect(r.stdout.contains("2012: § 18  Kapitel 5 › § 18"))
        #expect(r.stdout.contains("2017 → 2020: § 18 → § 21 (renumbered)"))
        #expect(r.stdout.contains("2024-706: never applied (2024-871 repealed it on the day it was to enter into force, 2024-07-01)"))
        #expect(r.stdout.contains("2025-1444: § 21  Kapitel 6 › § 21"))
        let headers = r.stdout.split(separator: "\n").filter { $0.contains(": § ") && !$0.hasPrefix(" ") }
        #expect(headers.count == 9)
        #expect(r.stderr == "note: versions without text in the corpus are not shown: 2001, 2006, 2007\n")
        let back = try run(["history", "§ 21, stk. 3", "--in", "2020", "--format", "json"])
        #expect(back.status == 0)
        #expect(back.stdout.contains("\"citation\" : \"§ 17, stk. 3\""))
    }

    @Test func historyShowsTheAmountsThroughTheYearsAtAGlance() throws {
        let r = try run(["history", "§ 10", "--in", "2003"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines[2...11]) == [
                "Amounts at a glance:", "  2003       § 10: 380 kr.", "  2012       § 10: 390 kr.", "  2017       § 10: 520 kr.",
                "  2020       § 10: 540 kr.", "  2022       § 10: 540 kr.", "  2024-706   § 10: 540 kr.  (never applied)",
                "  2024-871   § 10: 540 kr.", "  2025-629   § 10: 610 kr.", "  2025-1444  § 10: 610 kr., 2.280 kr., 12 måneder",
            ])
        let json = try run(["history", "§ 15", "--in", "2003", "--format", "json"])
        #expect(json.stdout.contains("\"1.935 kr.\""))
    }

    @Test func historyOfAnAddedProvisionAndBadInput() throws {
        let added = try run(["history", "§ 17", "--in", "2020"])
        #expect(added.status == 0)
        #expect(added.stdout.contains("2003: —  (no counterpart in this version)"))
        #expect(try run(["history", "§ 99", "--in", "2003"]).status == 1)
        #expect(try run(["history", "paragraf sytten", "--in", "2003"]).status == 64)
    }
}
