import Foundation
import Testing
import Paragraf
import ParagrafTestSupport
@testable import ParagrafDiff

/// The classifier's shortcuts must say what the plain computations they replace say.
@Suite("Classifier shortcuts")
struct ClassifierShortcutTests {
    /// Texts copied a stretch at a time are the texts built token by token, and told equal exactly when
    /// they are.
    @Test func readerTextsAgreeWithTheTokenTexts() throws {
        let symbols = Symbols()
        let old = FlatVersion(try parseFile(corpus2003), symbols: symbols)
        let new = FlatVersion(try parseFile(corpus2020), symbols: symbols)
        for v in [old, new] {
            for k in v.nodes.indices {
                let run = Int(v.nodes[k].tokenStart)..<Int(v.nodes[k].tokenEnd)
                for previous in [nil, run.lowerBound > 0 ? run.lowerBound - 1 : nil] {
                    let text = v.text(run, previous: previous)
                    #expect(v.readerText(CollectionOfOne(run), previous: previous) == text, "\(v.nodes[k].id)")
                    #expect(v.readerText(run, previous: previous, equals: text), "\(v.nodes[k].id)")
                    #expect(!v.readerText(run, previous: previous, equals: text + "x"), "\(v.nodes[k].id)")
                }
                #expect(v.readerText(v.wholeRuns(k)) == v.text(v.wholeTokens(k)), "\(v.nodes[k].id)")
            }
        }
        // Across versions: equal exactly when the built texts are.
        var same = 0, compared = 0
        for (id, a, b) in tokenRangesOfSharedIDs(old, new) {
            let oldText = old.text(a)
            let told = new.readerText(b, equals: oldText)
            #expect(told == (new.text(b) == oldText), "\(id)")
            same += told ? 1 : 0
            compared += 1
        }
        #expect(same > 0 && same < compared)
    }

    /// The line cursor finds the ranges the line table's binary search finds, in any order.
    @Test func lineCursorAgreesWithTheSourceText() throws {
        let source = try parseFile(corpus2020).source
        var cursor = LineCursor(source)
        let n = source.bytes.count
        var offsets = Array(stride(from: 0, through: n, by: 97)) + [0, n, n + 5, -3]
        offsets += offsets.reversed()
        // Scattered offsets, jumping back and forth.
        offsets += (0..<500).map { ($0 * 7_919 + 13) % (n + 1) }
        for (k, start) in offsets.enumerated() {
            let end = start + [0, 1, 40, 400, 5_000, -2][k % 6]
            #expect(cursor.range(start, end) == source.locations.location(of: source.range(start, end)), "\(start) \(end)")
        }
    }

    @Test func byteWiseComparisonsAgreeWithTheStrings() {
        #expect(CitationChecker.covers("p1", "p1/stk2/pkt1") && CitationChecker.covers("p1/stk2/pkt1", "p1"))
        #expect(CitationChecker.covers("p1/stk2", "p1/stk2"))
        #expect(!CitationChecker.covers("p1", "p12") && !CitationChecker.covers("p1/stk2", "p1/stk3"))
        let sections = ["17", "4a", "", "a", "007", "99999999999999999999", "3\u{301}", "12 a", "٣", "5½"]
        for text in sections {
            let address = Address(section: text)
            #expect(CitationChecker.number(address) == Int(text.prefix { $0.isNumber }), "\(text)")
        }
        let actors = [
            "Amtsrådet", "amtsrådet", "AMTSRÅDET", "Regionsrådet", "Kommunalbestyrelsen", "KOMMUNALBESTYRELSEN", "Æ",
            "æ", "×", "÷", "ß", "Straße", "Ελλάδα", "a\u{30A}", "å",
        ]
        for a in actors {
            for b in actors {
                let expected = a.lowercased() == b.lowercased()
                if let fast = DutyChange.sameLowercasedLatin1(a, b) { #expect(fast == expected, "\(a) \(b)") }
            }
        }
        for text in ["1.420", "4,5", "380", "0", "1.000.000", "123456789012345", "1234567890123456", ".", "12a"] {
            var bytes: [UInt8] = []
            for c in text.utf8 where c != 0x2E { bytes.append(c == 0x2C ? 0x2E : c) }
            #expect(AmountReader.value(text) == Double(String(decoding: bytes, as: UTF8.self)), "\(text)")
        }
    }
}
