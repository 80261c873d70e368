/// Collects the parser's diagnostics, keeping at most ``limitPerCode`` of each code.
///
/// Hostile input can make one finding repeat for every line (200 000 repeated "Stk. 2." lines, a
/// million duplicate ids): past the limit a diagnostic is only counted, and ``finish()`` adds one
/// note per code saying how many were left out, so memory stays bounded by the tree, not by the
/// number of findings.
struct DiagnosticSink {
    /// How many diagnostics of one code are kept.
    static let limitPerCode = 1000

    private(set) var kept: [Diagnostic]
    private var counts: [String: Int] = [:]
    private var firstDropped: [String: Diagnostic] = [:]

    init(_ initial: [Diagnostic]) {
        kept = []
        for diagnostic in initial { append(diagnostic) }
    }

    /// Raises a parser diagnostic at `range`.
    mutating func raise(_ message: ParserDiagnostic, at range: SourceRange) { append(message.at(range)) }

    mutating func append(_ diagnostic: Diagnostic) {
        let count = counts[diagnostic.code, default: 0] + 1
        counts[diagnostic.code] = count
        if count <= Self.limitPerCode {
            kept.append(diagnostic)
        } else if count == Self.limitPerCode + 1 {
            firstDropped[diagnostic.code] = diagnostic
        }
    }

    /// The kept diagnostics in source order, with a note per code whose diagnostics were capped.
    func finish() -> [Diagnostic] {
        var result = kept
        for (code, first) in firstDropped {
            let dropped = counts[code, default: 0] - Self.limitPerCode
            result.append(ParserDiagnostic.moreNotShown(code: code, count: dropped).at(first.range))
        }
        result.sort { ($0.range.start.offset, $0.code) < ($1.range.start.offset, $1.code) }
        return result
    }
}
