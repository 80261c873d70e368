import Foundation
import Paragraf

/// The reader's text of token runs, copied from the source a stretch at a time (used for the segments
/// of a diff, where most of a version's text is written out once).
///
/// Measured: copying stretches through buffers into the string's storage, instead of appending token by
/// token to an array of bytes, saves 32 M instructions (7 %) of a whole `paragraf diff` of the ×10 corpora.
extension FlatVersion {
    /// The reader's text of the tokens of `runs`, one run after another: one space
    /// wherever the source had whitespace, including before the first token when `previous` (the token
    /// before the runs) is separated from it.
    ///
    /// Consecutive tokens that stand side by side in the source, or one space byte apart, are copied as
    /// one stretch of source bytes, so a line of text is one copy instead of one per token.
    func readerText<Runs: Sequence>(_ runs: Runs, previous: Int? = nil) -> String where Runs.Element == Range<Int> {
        tokens.withUnsafeBufferPointer { toks in
            source.bytes.withUnsafeBufferPointer { b in
                var length = 0
                FlatVersion.forEachStretch(runs, previous: previous, toks, b) { space, stretch in
                    length += (space ? 1 : 0) + stretch.count
                }
                if length == 0 { return "" }
                return String(unsafeUninitializedCapacity: length) { out in
                    var n = 0
                    FlatVersion.forEachStretch(runs, previous: previous, toks, b) { space, stretch in
                        if space {
                            out[n] = 0x20
                            n += 1
                        }
                        if !stretch.isEmpty {
                            (out.baseAddress! + n).update(from: b.baseAddress! + stretch.lowerBound, count: stretch.count)
                            n += stretch.count
                        }
                    }
                    return n
                }
            }
        }
    }

    /// Whether ``readerText(_:previous:)`` of `run` would equal `text` byte for byte, told without
    /// building it.
    func readerText(_ run: Range<Int>, previous: Int? = nil, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { expected in
            tokens.withUnsafeBufferPointer { toks in
                source.bytes.withUnsafeBufferPointer { b in
                    var n = 0
                    var same = true
                    FlatVersion.forEachStretch(CollectionOfOne(run), previous: previous, toks, b) { space, stretch in
                        guard same else { return }
                        let count = (space ? 1 : 0) + stretch.count
                        if n + count > expected.count {
                            same = false
                            return
                        }
                        if space {
                            if expected[n] != 0x20 { same = false }
                            n += 1
                        }
                        if !stretch.isEmpty
                            && memcmp(expected.baseAddress! + n, b.baseAddress! + stretch.lowerBound, stretch.count) != 0
                        {
                            same = false
                        }
                        n += stretch.count
                    }
                    return same && n == expected.count
                }
            }
        }
    }

    /// The token runs of `node` as a whole provision reads, atom by atom: its content atoms without the text
    /// of section and subsection leaves (``Atom/isSectionText``).
    func wholeRuns(_ node: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for a in Int(rows[node].contentAtom)..<Int(rows[node].atomEnd) where !atoms[a].isSectionText {
            finalize(a)
            let run = Int(atoms[a].tokenStart)..<Int(atoms[a].tokenEnd)
            if !run.isEmpty { result.append(run) }
        }
        return result
    }

    /// Calls `body` with the pieces of the reader's text of `runs` in order: whether a space comes
    /// first, then a stretch of source bytes to copy (empty only for a token without bytes).
    @inline(__always)
    private static func forEachStretch<Runs: Sequence>(
        _ runs: Runs, previous: Int?, _ toks: UnsafeBufferPointer<Tok>, _ b: UnsafeBufferPointer<UInt8>,
        _ body: (_ space: Bool, _ stretch: Range<Int>) -> Void
    ) where Runs.Element == Range<Int> {
        var last = previous.map { Int(toks[$0].end) }
        // The stretch not yet handed on, and whether a space goes before it.
        var pending: Range<Int>? = nil
        var spaceBefore = false
        for run in runs {
            for t in run {
                let start = Int(toks[t].start)
                let end = Int(toks[t].end)
                let gap = last.map { $0 < start } ?? false
                if let p = pending,
                    p.upperBound == start || (gap && p.upperBound + 1 == start && b[p.upperBound] == 0x20)
                {
                    // Side by side, or one space apart: the source bytes are the text.
                    pending = p.lowerBound..<end
                } else {
                    if let p = pending { body(spaceBefore, p) }
                    pending = start..<end
                    spaceBefore = gap
                }
                last = end
            }
        }
        if let p = pending { body(spaceBefore, p) }
    }
}
