import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// Small constructed pairs in `fixtures/diff/<name>/` with their exact expected text report.
@Suite("Synthetic pairs")
struct SyntheticPairTests {
    static func diff(_ name: String) throws -> DocumentDiff {
        let old = try parseFile("fixtures/diff/\(name)/old.txt")
        let new = try parseFile("fixtures/diff/\(name)/new.txt")
        var diff = VersionDiff.compare(old, new)
        diff.old.sourceName = "old.txt"
        diff.new.sourceName = "new.txt"
        return diff
    }

    @Test(arguments: ["inserted-section", "swapped-chapters", "amount-changed", "term-replaced", "duty-moved", "split-section"])
    func textReportMatchesExpected(_ name: String) throws {
        try Golden.expect(TextReportFormatter().format(try Self.diff(name)), "fixtures/diff/\(name)/expected.txt")
    }

    @Test(arguments: ["inserted-section", "swapped-chapters", "amount-changed", "term-replaced", "duty-moved", "split-section"])
    func eachSideDiffedWithItselfIsUnchanged(_ name: String) throws {
        for side in ["old", "new"] {
            let a = try parseFile("fixtures/diff/\(name)/\(side).txt")
            #expect(VersionDiff.compare(a, a).isIdentical)
        }
    }

    @Test func insertedSectionShiftsNumbersAndLeavesAStaleCitation() throws {
        let diff = try Self.diff("inserted-section")
        let rows = diff.alignment.sections.map { "\($0.arrow) \($0.status.rawValue)" }
        #expect(
            rows == [
                "§ 1 → § 1 unchanged", "§ 2 → § 2 unchanged", "— → § 3 added", "§ 3 → § 4 renumbered",
                "§ 4 → § 5 renumbered", "§ 5 → § 6 renumbered",
            ])
        try #require(diff.citations.count == 1)
        let stale = diff.citations[0]
        #expect(stale.issue == .stale)
        #expect(stale.newCitation == "§ 2, stk. 1")
        #expect(stale.newText == "§ 4")
        #expect(stale.expectedTarget == "§ 5")
        // "Overtrædelse af § 3" was updated to § 4 with its target: not reported, but classified as a citation edit.
        #expect(!diff.citations.contains { $0.newCitation == "§ 6, stk. 1" })
        let edit = diff.sections.flatMap(\.provisions).flatMap(\.segments).first { $0.old == " 3" }
        #expect(edit?.new == " 4")
        #expect(edit?.category == .citation)
        #expect(edit?.oldCitation == "§ 5, stk. 1, 1. pkt.")
    }

    @Test func swappedChaptersKeepTheirSections() throws {
        let diff = try Self.diff("swapped-chapters")
        let chapters = diff.alignment.chapters.map { "\($0.arrow) \($0.status.rawValue)" }
        #expect(chapters == ["kapitel 2 → kapitel 1 moved", "kapitel 1 → kapitel 2 renumbered", "kapitel 3 → kapitel 3 unchanged"])
        let pairs = diff.alignment.sections.map { $0.arrow }
        #expect(pairs == ["§ 3 → § 1", "§ 4 → § 2", "§ 1 → § 3", "§ 2 → § 4", "§ 5 → § 5"])
        #expect(diff.alignment.sections.allSatisfy { !$0.isModified })
        #expect(diff.sections.flatMap(\.provisions).allSatisfy { !$0.isChanged })
    }

    @Test func sectionSplitInTwo() throws {
        let diff = try Self.diff("split-section")
        let split = try #require(diff.alignment.sections.first { $0.status == .split })
        #expect(split.old.map(\.citation) == ["§ 2"])
        #expect(split.new.map(\.citation) == ["§ 2", "§ 3"])
        // The second stk. is found in the new § 3, not reported as removed and added.
        #expect(
            diff.alignment.subsections.contains { r in
                r.old.map(\.id) == ["p2/stk2"] && r.new.map(\.id) == ["p3/stk1"] && !r.isModified
            })
        #expect(!diff.alignment.subsections.contains { $0.status == .removed || $0.status == .added })
        // And the other way round it is a merge.
        let old = try parseFile("fixtures/diff/split-section/new.txt")
        let new = try parseFile("fixtures/diff/split-section/old.txt")
        let merged = try #require(VersionDiff.compare(old, new).alignment.sections.first { $0.status == .merged })
        #expect(merged.old.map(\.citation) == ["§ 2", "§ 3"])
    }

    @Test func oneAmountChanged() throws {
        let diff = try Self.diff("amount-changed")
        try #require(diff.amounts.count == 1)
        #expect(diff.amounts[0].summary == "500 kr. → 650 kr. (+30 %)")
        #expect(diff.terms.isEmpty && diff.duties.isEmpty && diff.citations.isEmpty)
    }

    @Test func oneTermReplacedEverywhere() throws {
        let diff = try Self.diff("term-replaced")
        try #require(diff.terms.count == 1)
        #expect(diff.terms[0].old == "tandlægevagten" && diff.terms[0].new == "akuttandplejen")
        #expect(diff.terms[0].count == 3)
        #expect(!diff.terms[0].isKnownEraTerm)
        #expect(diff.amounts.isEmpty && diff.duties.isEmpty)
        let categories = diff.sections.flatMap(\.provisions).flatMap(\.segments).compactMap(\.category)
        #expect(categories == [.term, .term, .term])
    }

    @Test func dutyMovesAndBecomesAPermission() throws {
        let diff = try Self.diff("duty-moved")
        try #require(diff.duties.count == 1)
        let d = diff.duties[0]
        #expect(d.old == Duty(actor: "Amtsrådet", modality: .must, verb: "tilbyde"))
        #expect(d.new == Duty(actor: "Kommunalbestyrelsen", modality: .may, verb: "tilbyde"))
        #expect(d.actorChanged && d.modalityChanged)
        #expect(diff.terms.isEmpty)
    }

    @Test func htmlEscapesEverything() throws {
        let old = parseText("Bekendtgørelse om <b>tags</b>\n\n§ 1. Teksten \"<script>alert(1)</script>\" & mere.\n", name: "a")
        let new = parseText("Bekendtgørelse om <b>tags</b>\n\n§ 1. Teksten \"<script>alert(2)</script>\" & mere.\n", name: "b")
        let html = HTMLReportFormatter().format(VersionDiff.compare(old, new))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>tags"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&amp; mere"))
    }
}
