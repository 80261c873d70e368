import Foundation
import Paragraf
import Testing

@testable import ParagrafDiff

@Suite("Word diff and tokens")
struct SequenceDiffTests {
    /// Applies hunks to `old` and checks the result is `new`, and that hunks cover both sides in order.
    func check(_ a: [Int], _ b: [Int], cap: Int = SequenceDiff.defaultEditCap) -> Int {
        let hunks = SequenceDiff.diff(a, b, editCap: cap)
        var rebuilt: [Int] = []
        var i = 0
        var j = 0
        var edits = 0
        for h in hunks {
            #expect(h.old.lowerBound == i && h.new.lowerBound == j)
            switch h.operation {
            case .equal:
                #expect(Array(a[h.old]) == Array(b[h.new]))
                rebuilt += a[h.old]
            case .delete, .insert, .replace:
                rebuilt += b[h.new]
                edits += h.old.count + h.new.count
            }
            i = h.old.upperBound
            j = h.new.upperBound
        }
        #expect(i == a.count && j == b.count)
        #expect(rebuilt == b)
        return edits
    }

    func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var prev = 0
            for (k, y) in b.enumerated() {
                let temp = row[k + 1]
                row[k + 1] = x == y ? prev + 1 : max(row[k + 1], row[k])
                prev = temp
            }
        }
        return row[b.count]
    }

    @Test func minimalOnSmallRandomInputs() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...30, using: &rng)).map { _ in Int.random(in: 0...5, using: &rng) }
            let b = (0..<Int.random(in: 0...30, using: &rng)).map { _ in Int.random(in: 0...5, using: &rng) }
            let edits = check(a, b)
            #expect(edits == a.count + b.count - 2 * lcs(a, b), "\(a) → \(b)")
        }
    }

    @Test func longInputsStayCorrectWithAnchorsAndCap() {
        let a = (0..<20_000).map { $0 % 997 == 0 ? -$0 : $0 }
        var b = a
        b.insert(contentsOf: [1, 2, 3], at: 10_000)
        b.remove(at: 500)
        _ = check(a, b, cap: 8)
        // Completely different long sequences become one replacement once the cap is reached.
        let c = (0..<5_000).map { _ in 1 }
        let d = (0..<5_000).map { _ in 2 }
        let hunks = SequenceDiff.diff(c, d, editCap: 10)
        #expect(hunks.count == 1 && hunks[0].operation == .replace)
    }

    @Test func tokensKeepNumbersAndHyphens() {
        let text = "udgøre 1.420 kr. årligt, 4,5 % af børne- og ungdomstandplejen, 1. januar"
        let source = SourceText(bytes: Array(text.utf8))
        let tokens = Tokenizer.tokens(source, 0..<source.bytes.count)
        #expect(
            tokens.map(\.text) == [
                "udgøre", "1.420", "kr", ".", "årligt", ",", "4,5", "%", "af", "børne-", "og", "ungdomstandplejen", ",", "1",
                ".", "januar",
            ])
        #expect(tokens[1].kind == .number)
        let amounts = AmountReader.amounts(in: tokens)
        #expect(amounts.map(\.value) == [1420, 4.5])
        #expect(amounts.map(\.text) == ["1.420 kr.", "4,5 %"])
    }

    @Test(arguments: [
        ("Amtsrådet", "amtsrådet"), ("ÆØÅ", "æøå"), ("Sjøgrens", "sjøgrens"), ("kæbe\u{2011}regionen", "kæbe-regionen"),
        ("ÉTAPE", "étape"), ("Ωmega", "ωmega"), ("stk", "stk"),
    ])
    func keysFoldCaseAndHyphens(_ text: String, _ key: String) {
        #expect(Tokenizer.foldKey(text) == key)
    }

    @Test func currencyFirstAmounts() {
        let source = SourceText(bytes: Array("betales kr. 510 pr. år".utf8))
        let amounts = AmountReader.amounts(in: Tokenizer.tokens(source, 0..<source.bytes.count))
        #expect(amounts.map(\.value) == [510])
        #expect(amounts.first?.text == "kr. 510")
    }
}
