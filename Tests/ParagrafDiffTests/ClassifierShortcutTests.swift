import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// The shortcuts kept in the diff (each measured) must say what the plain computations they replace say.
@Suite("Classifier shortcuts")
struct ClassifierShortcutTests {
    /// Texts told equal from their bytes are equal exactly when the texts built are.
    @Test func readerTextsToldEqualAreEqual() throws {
        let symbols = Symbols()
        let old = FlatVersion(try parseFile(corpus2003), symbols: symbols)
        let new = FlatVersion(try parseFile(corpus2020), symbols: symbols)
        var newByID: [NodeID: Int] = [:]
        for k in 0..<new.nodes.count { newByID[new.nodes.id(at: k)] = k }
        var same = 0
        var compared = 0
        for k in 0..<old.nodes.count {
            guard let j = newByID[old.nodes.id(at: k)] else { continue }
            let a = Int(old.rows[k].tokenStart)..<Int(old.rows[k].tokenEnd)
            let b = Int(new.rows[j].tokenStart)..<Int(new.rows[j].tokenEnd)
            for (pa, pb) in [(nil, nil), (a.lowerBound > 0 ? a.lowerBound - 1 : nil, b.lowerBound > 0 ? b.lowerBound - 1 : nil)] {
                let oldText = old.readerText(CollectionOfOne(a), previous: pa)
                let told = new.readerText(b, previous: pb, equals: oldText)
                #expect(told == (new.readerText(CollectionOfOne(b), previous: pb) == oldText), "\(old.nodes.id(at: k))")
                #expect(!new.readerText(b, previous: pb, equals: oldText + "x"))
                same += told ? 1 : 0
                compared += 1
            }
        }
        #expect(same > 0 && same < compared)
        #expect(new.readerText(CollectionOfOne(0..<3)) == "Bekendtgørelse om tandpleje")
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
}
