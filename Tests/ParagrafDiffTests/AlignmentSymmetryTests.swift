import Foundation
import Paragraf
import Testing

@testable import ParagrafDiff

/// The alignment of A → B must be the mirror of B → A: every pair of provisions aligned one way is aligned the
/// other way (issue 15, item 6: `diff 2003 2020` pairs 2003 § 12 with 2020 § 20, while `diff 2020 2003` called
/// them removed and added). Checked over every pair of the corpus's versions with text, at every level.
@Suite("Alignment symmetry over all pairs")
struct AlignmentSymmetryTests {
    /// The aligned pairs of a row set as "old ids ⇄ new ids", both sides non-empty.
    static func pairs(_ rows: [AlignmentRow], mirrored: Bool) -> Set<String> {
        Set(
            rows.filter { !$0.old.isEmpty && !$0.new.isEmpty }.map { row in
                let o = row.old.map(\.id.description).sorted().joined(separator: "+")
                let n = row.new.map(\.id.description).sorted().joined(separator: "+")
                return mirrored ? "\(n) ⇄ \(o)" : "\(o) ⇄ \(n)"
            })
    }

    /// The pairs aligned one way and not the other, per level, for versions `a` and `b`.
    static func asymmetries(_ a: ParsedDocument, _ b: ParsedDocument) -> [String] {
        let forward = VersionDiff.align(a, b)
        let backward = VersionDiff.align(b, a)
        var result: [String] = []
        let levels: [(String, KeyPath<Alignment, [AlignmentRow]>)] = [
            ("chapters", \.chapters), ("sections", \.sections), ("subsections", \.subsections), ("items", \.items),
        ]
        for (name, path) in levels {
            let f = pairs(forward[keyPath: path], mirrored: false)
            let g = pairs(backward[keyPath: path], mirrored: true)
            for p in f.symmetricDifference(g).sorted() { result.append("\(name): \(p) (\(f.contains(p) ? "only A→B" : "only B→A"))") }
        }
        return result
    }

    @Test func theAlignmentOfEveryPairIsItsMirror() throws {
        let corpus = try Corpus(directory: packageRoot.appendingPathComponent("corpus").path)
        let versions = corpus.versions.filter(\.manifest.hasText)
        let parsed = try versions.map { try corpus.load($0) }
        var asymmetric: [String] = []
        var pairs = 0
        for i in parsed.indices {
            for j in parsed.indices where i < j {
                pairs += 1
                let found = Self.asymmetries(parsed[i], parsed[j])
                if !found.isEmpty { asymmetric.append("\(versions[i].id) ↔ \(versions[j].id): " + found.joined(separator: "; ")) }
            }
        }
        #expect(pairs == 36)
        #expect(asymmetric.isEmpty, "\(asymmetric.count) of 36 pairs:\n\(asymmetric.joined(separator: "\n"))")
    }

    /// The pair that was aligned one way only: 2003 kapitel 3 ("… ulykkesbetingede tandskader") has no § paired
    /// into 2020 kapitel 5 ("… ulykkesbetingede tandskader og tandskader som følge af epileptiske anfald"), so
    /// the chapters pair by title, the longer title extending the shorter, from either side; 2003 § 12 then finds
    /// 2020 § 20 (rewritten around "sundhedslovens § 135") inside that pair of chapters, both ways.
    @Test func theDentureChapterAndSectionPairFromBothSides() throws {
        let corpus = try Corpus(directory: packageRoot.appendingPathComponent("corpus").path)
        let a = try corpus.load(try #require(corpus.versions.first { $0.id == "2003" }))
        let b = try corpus.load(try #require(corpus.versions.first { $0.id == "2020" }))
        let forward = VersionDiff.align(a, b)
        let backward = VersionDiff.align(b, a)
        #expect(Self.pairs(forward.chapters, mirrored: false).contains("kap3 ⇄ kap5"))
        #expect(Self.pairs(backward.chapters, mirrored: false).contains("kap5 ⇄ kap3"))
        #expect(Self.pairs(forward.sections, mirrored: false).contains("p12 ⇄ p20"))
        #expect(Self.pairs(backward.sections, mirrored: false).contains("p20 ⇄ p12"))
        #expect(Self.pairs(backward.subsections, mirrored: false).contains("p20/stk3 ⇄ p12/stk4"))
        let f = try #require(forward.chapters.first { $0.old.map(\.id.description) == ["kap3"] })
        let g = try #require(backward.chapters.first { $0.new.map(\.id.description) == ["kap3"] })
        #expect(f.status == .moved && g.status == .moved)
        #expect(f.similarity == 0.46 && g.similarity == 0.46)
    }

    /// The synthetic pairs of `fixtures/diff` (a split, swapped chapters, an inserted §, …) read backwards align
    /// as the mirror of forwards too.
    @Test(arguments: ["inserted-section", "swapped-chapters", "amount-changed", "term-replaced", "duty-moved", "split-section"])
    func theFixturePairsAreMirrors(_ name: String) throws {
        let old = try parseFile("fixtures/diff/\(name)/old.txt")
        let new = try parseFile("fixtures/diff/\(name)/new.txt")
        #expect(Self.asymmetries(old, new) == [])
    }
}
