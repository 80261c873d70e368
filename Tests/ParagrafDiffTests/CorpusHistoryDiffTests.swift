import Foundation
import Paragraf
import Testing

@testable import ParagrafDiff

/// Diffs across the whole tandpleje history: a partial (dataset) version never shows its absent parts as
/// removed or added, a citation stale in one version and fixed in the next is a correction, and every pair of
/// versions with text compares both ways.
@Suite("Diffs over the corpus history")
struct CorpusHistoryDiffTests {
    static let corpus = try! Corpus(directory: packageRoot.appendingPathComponent("corpus").path)

    static func load(_ id: String) throws -> ParsedDocument { try corpus.load(try corpus.version(id)) }

    @Test func aPartialVersionIsNotReportedAsLosingItsTitlePreambleAnnexOrSignature() throws {
        let seed = try Self.load("2003")
        let dataset = try Self.load("2012")
        for (old, new, missing) in [(seed, dataset, "new"), (dataset, seed, "old")] {
            let diff = VersionDiff.compare(old, new)
            #expect(diff.notCompared?.parts == [.title, .preamble, .chapterTitles, .annexes, .signature])
            #expect(diff.notCompared?.missingIn == [missing])
            #expect(diff.alignment.annexes.isEmpty && diff.alignment.preamble.isEmpty)
            #expect(diff.metadata.map(\.field) == ["signingDate", "inForceDate", "repeals"])
            #expect(!diff.citations.contains { $0.newText.contains("bilag") })
            // Chapter rows are compared by their §§, not by a title one side lacks.
            #expect(
                diff.alignment.chapters.allSatisfy { row in (row.old + row.new).allSatisfy { !$0.caption.contains("Amtsspecialtandpleje") }
                })
            let text = TextReportFormatter().format(diff)
            #expect(
                text.contains(
                    "• Not compared — title, preamble, chapter titles, annexes, signature are not in the \(missing) version's source"))
            #expect(!text.contains("Annexes:") && !text.contains("Issued by") && !text.contains("Ministry:"))
        }
        // Two complete texts: nothing left out.
        #expect(VersionDiff.compare(seed, try Self.load("2020")).notCompared == nil)
    }

    @Test func aStaleCitationCorrectedInTheNextVersionIsACorrection() throws {
        let v2017 = try Self.load("2017")
        let v2020 = try Self.load("2020")
        let v2022 = try Self.load("2022")
        let before = VersionDiff.compare(v2017, v2020)
        var diff = VersionDiff.compare(v2020, v2022)
        let changedBefore = diff.citations.filter { $0.issue == .changedTarget }.count
        diff.markCorrections(staleInOld: before.citations)
        let corrected = diff.citations.filter { $0.issue == .corrected }
        #expect(changedBefore == 4)
        #expect(corrected.map(\.newCitation) == ["§ 1, stk. 2", "§ 1, stk. 7", "§ 1, stk. 8"])
        let first = try #require(corrected.first)
        #expect(first.oldText == "§ 18, stk. 3")
        #expect(first.newText == "§ 21, stk. 3")
        #expect(first.explanation.hasPrefix("corrects “§ 18, stk. 3”, which was stale in the old version"))
        #expect(
            TextReportFormatter().format(diff).contains("§ 1, stk. 2 “§ 21, stk. 3” (corrects “§ 18, stk. 3”, stale in the old version)"))
    }

    @Test func everyPairOfVersionsWithTextComparesBothWays() throws {
        let ids = Self.corpus.versions.filter(\.manifest.hasText).map(\.id)
        #expect(ids.count == 9)
        let parsed = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try Self.load($0)) })
        var pairs = 0
        for a in ids {
            for b in ids where a < b {
                let forward = VersionDiff.compare(parsed[a]!, parsed[b]!)
                let backward = VersionDiff.compare(parsed[b]!, parsed[a]!)
                #expect(!forward.isIdentical && !backward.isIdentical, "\(a) ↔ \(b)")
                #expect(forward.alignment.sections.count > 0 && backward.alignment.sections.count > 0)
                pairs += 1
            }
        }
        #expect(pairs == 36)
    }
}
