import Paragraf

/// How one document parsed in one layout compares with its provision list.
struct LayoutScore {
    var truth = 0
    var parsed = 0
    /// §§ found in both (each number's occurrences paired in order).
    var matched = 0
    /// The parsed § sequence is the provision list's, number for number.
    var exact = false
    /// Matched §§ whose chapter the list gives (or, in a document without chapters, all of them).
    var chapterChecked = 0
    var chapterRight = 0
    /// Matched §§ that are not part of a repealed range, with their stk. count.
    var stkChecked = 0
    var stkRight = 0
    /// Warnings the parse reported.
    var warnings = 0
    var bytes = 0
    var seconds = 0.0

    /// A matched pair: truth index, parsed index.
    typealias Pair = (truth: Int, parsed: Int)

    /// Scores `parsed` against `truth`; also returns the pairs and the unmatched indices on both sides.
    static func score(truth: [TruthSection], parsed: [ParsedSection], document: Document)
        -> (score: LayoutScore, pairs: [Pair], missed: [Int], extra: [Int])
    {
        var s = LayoutScore()
        s.truth = truth.count
        s.parsed = parsed.count
        s.exact = truth.count == parsed.count && zip(truth, parsed).allSatisfy { $0.key == $1.key }
        s.warnings = document.diagnostics.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) }
        // Occurrences of each number paired in order.
        var queues: [SectionKey: [Int]] = [:]
        for (i, p) in parsed.enumerated() {
            if let key = p.key { queues[key, default: []].append(i) }
        }
        var heads: [SectionKey: Int] = [:]
        var pairs: [Pair] = []
        var missed: [Int] = []
        var used = [Bool](repeating: false, count: parsed.count)
        for (t, section) in truth.enumerated() {
            let head = heads[section.key, default: 0]
            if let queue = queues[section.key], head < queue.count {
                heads[section.key] = head + 1
                pairs.append((t, queue[head]))
                used[queue[head]] = true
            } else {
                missed.append(t)
            }
        }
        s.matched = pairs.count
        let documentHasChapters = truth.contains { $0.chapter != nil }
        for (t, p) in pairs {
            let expected = truth[t].chapter
            if expected != nil || !documentHasChapters {
                s.chapterChecked += 1
                if expected?.description == parsed[p].chapter?.description { s.chapterRight += 1 }
            }
            if !truth[t].fromList {
                s.stkChecked += 1
                if truth[t].subsections == parsed[p].subsections { s.stkRight += 1 }
            }
        }
        let extra = parsed.indices.filter { !used[$0] }
        return (s, pairs, missed, extra)
    }
}
