import Foundation
import Paragraf
import Testing

@testable import ParagrafDiff

/// The alignment of A → B must be the mirror of B → A: every pair of provisions aligned one way is aligned the
/// other way (issue 15, item 6: `diff 2003 2020` pairs 2003 § 12 with 2020 § 20, while `diff 2020 2003` called
/// them removed and added). Checked over every pair of the corpus's versions with text, at every level.
///
/// Known issue until the alignment is made symmetric in `Sources/ParagrafDiff/Alignment`, which the `diff` branch
/// is restructuring; the fix lands after that merge, and this test then fails as "known issue not recorded" until
/// the `withKnownIssue` is removed.
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
        withKnownIssue("A→B is not yet the mirror of B→A (fix after the diff branch's Alignment restructuring)") {
            #expect(asymmetric.isEmpty, "\(asymmetric.count) of 36 pairs:\n\(asymmetric.joined(separator: "\n"))")
        }
    }
}
