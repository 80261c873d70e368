import Foundation
import Paragraf

@testable import ParagrafDiff

/// The plain forms the diff's shortcuts replaced, kept as the tests' reference implementations: the
/// reader's text of tokens one by one (``FlatVersion/readerText(_:previous:)`` copies stretches), the
/// byte-wise comparison of two runs, and a provision's tokens as indices (``FlatVersion/wholeRuns(_:)``
/// gives ranges).
extension FlatVersion {
    /// The reader's text of tokens `range` of the table: one space wherever the source had whitespace,
    /// including before the first token when `previous` (the token before the run) is separated from it.
    ///
    /// The length is counted first, so the bytes are copied once, straight into the string.
    func text<C: Collection>(_ tokenIndices: C, previous: Int? = nil) -> String where C.Element == Int {
        tokens.withUnsafeBufferPointer { toks in
            source.bytes.withUnsafeBufferPointer { b in
                var length = 0
                var last = previous.map { Int(toks[$0].end) }
                for t in tokenIndices {
                    let tok = toks[t]
                    if let l = last, l < Int(tok.start) { length += 1 }
                    length += Int(tok.end) - Int(tok.start)
                    last = Int(tok.end)
                }
                if length == 0 { return "" }
                return String(unsafeUninitializedCapacity: length) { out in
                    var n = 0
                    var last = previous.map { Int(toks[$0].end) }
                    for t in tokenIndices {
                        let tok = toks[t]
                        let start = Int(tok.start), count = Int(tok.end) - start
                        if let l = last, l < start {
                            out[n] = 0x20
                            n += 1
                        }
                        (out.baseAddress! + n).update(from: b.baseAddress! + start, count: count)
                        n += count
                        last = Int(tok.end)
                    }
                    return n
                }
            }
        }
    }

    /// Whether `text(a, previous: pa)` equals `other.text(b, previous: pb)`, told from the bytes without
    /// building either string: the same tokens, byte for byte, with whitespace before the same ones.
    /// False when the runs differ in length (their texts may still be equal).
    func sameText(_ a: Range<Int>, previous pa: Int?, as other: FlatVersion, _ b: Range<Int>, previous pb: Int?) -> Bool {
        guard a.count == b.count else { return false }
        return tokens.withUnsafeBufferPointer { ta in
            other.tokens.withUnsafeBufferPointer { tb in
                source.bytes.withUnsafeBufferPointer { sa in
                    other.source.bytes.withUnsafeBufferPointer { sb in
                        var lastA = pa.map { Int(ta[$0].end) }, lastB = pb.map { Int(tb[$0].end) }
                        for k in 0..<a.count {
                            let x = ta[a.lowerBound + k], y = tb[b.lowerBound + k]
                            let gapA = lastA.map { $0 < Int(x.start) } ?? false
                            let gapB = lastB.map { $0 < Int(y.start) } ?? false
                            let length = Int(x.end) - Int(x.start)
                            if gapA != gapB || length != Int(y.end) - Int(y.start) { return false }
                            if length > 0
                                && memcmp(sa.baseAddress! + Int(x.start), sb.baseAddress! + Int(y.start), length) != 0
                            {
                                return false
                            }
                            lastA = Int(x.end)
                            lastB = Int(y.end)
                        }
                        return true
                    }
                }
            }
        }
    }

    /// The token indices of `node` as a whole provision reads: the unit's atoms without the text of
    /// section and subsection leaves (``Atom/isSectionText``).
    func wholeTokens(_ node: Int) -> [Int] {
        var result: [Int] = []
        for a in Int(nodes[node].contentAtom)..<Int(nodes[node].atomEnd) where !atoms[a].isSectionText {
            finalize(a)
            result.append(contentsOf: Int(atoms[a].tokenStart)..<Int(atoms[a].tokenEnd))
        }
        return result
    }
}
