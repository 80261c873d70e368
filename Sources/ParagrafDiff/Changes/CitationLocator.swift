import Paragraf

/// The finest citation for a byte offset of one version: sentence, item or subsection; and the source
/// ranges of that version (``LineCursor``).
struct CitationLocator {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var leaves: [Int] = []
    private let version: FlatVersion
    /// The line cursor, and the leaf of the last citation asked, shared by copies of the locator: offsets
    /// are mostly asked in reading order.
    private final class Cursors {
        @exclusivity(unchecked) var lines: LineCursor
        @exclusivity(unchecked) var leaf = 0
        init(_ source: SourceText) { lines = LineCursor(source) }
    }
    private let cursors: Cursors

    init(_ version: FlatVersion) {
        self.version = version
        cursors = Cursors(version.source)
        var entries: [Int] = []
        let nodes = version.nodes
        // Fields read in place: binding each node would copy its strings.
        for k in nodes.indices {
            let kind = nodes[k].kind
            guard kind == .sentence || kind == .block || kind == .preamble else { continue }
            guard nodes[k].end == Int32(k + 1), nodes[k].text != nil else { continue }
            entries.append(k)
        }
        entries.sort { nodes[$0].range.start.offset < nodes[$1].range.start.offset }
        starts = entries.map { nodes[$0].range.start.offset }
        ends = entries.map { nodes[$0].range.end.offset }
        leaves = entries
    }

    /// The citation of the leaf holding `offset`, or `fallback`.
    func citation(at offset: Int, fallback: @autoclosure () -> String) -> String {
        // The last leaf starting at or before `offset`: the last one asked or one of the next few, else
        // found by halving.
        var k = -1
        var near = cursors.leaf
        if near < starts.count && starts[near] <= offset {
            for _ in 0..<4 {
                if near + 1 == starts.count || starts[near + 1] > offset {
                    k = near
                    break
                }
                near += 1
            }
        }
        if k < 0 {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            k = lo - 1
        }
        if k >= 0 { cursors.leaf = k }
        guard k >= 0, offset < ends[k] else { return fallback() }
        return version.citation(leaves[k])
    }

    /// Per span, the citation at its start (``citation(at:fallback:)``, with `fallback(span.pair)`) and its
    /// range (``range(_:_:)``), in the order of `spans`; asked in offset order, so that both cursors walk
    /// forward (the answers do not depend on the order they are asked in).
    func resolve(_ spans: [Span], fallback: (Int) -> String) -> [(citation: String, range: SourceRange)] {
        var order = Array(spans.indices)
        order.sort { spans[$0].start < spans[$1].start }
        var result = [(citation: String, range: SourceRange)?](repeating: nil, count: spans.count)
        for k in order {
            let span = spans[k]
            result[k] = (citation(at: span.start, fallback: fallback(span.pair)), range(span.start, span.end))
        }
        return result.map { $0! }
    }

    /// `version.source.range(start, end)`.
    func range(_ start: Int, _ end: Int) -> SourceRange { cursors.lines.range(start, end) }

    /// The bytes `start..<end` of one side of a reported place, and the text pair it is in (for the fallback
    /// citation), for ``resolve(_:fallback:)``.
    struct Span {
        var start: Int
        var end: Int
        var pair: Int
    }
}
