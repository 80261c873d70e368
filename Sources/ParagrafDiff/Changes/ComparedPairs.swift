import Paragraf

/// Every aligned pair of provisions compared word by word: what the ``ChangeDetector``s read and claim, with
/// both versions and their citation locators.
struct ComparedPairs {
    let aligned: AlignmentResult
    /// One per text pair of the alignment, in the same order.
    let pairs: [ComparedPair]
    let oldLocator: CitationLocator
    let newLocator: CitationLocator

    /// The flattened old version.
    var old: FlatVersion { aligned.old }
    /// The flattened new version.
    var new: FlatVersion { aligned.new }

    /// Compares the tokens of every text pair of `aligned` (``SequenceDiff``).
    init(_ aligned: AlignmentResult) {
        self.aligned = aligned
        let ov = aligned.old, nv = aligned.new
        oldLocator = CitationLocator(ov)
        newLocator = CitationLocator(nv)
        let tables = SequenceDiff.SymbolTables(size: ov.symbols.provisionalOf.count)
        // The symbols of a pair's two runs, in buffers reused from pair to pair (only their first
        // entries are the pair's).
        var oldSymbols: [Int32] = [], newSymbols: [Int32] = []
        let claims = ComparedPair.ClaimTable()
        let textPairs = aligned.textPairs
        pairs = textPairs.indices.map { index in
            let pair = textPairs[index]
            let ot = TokenRun(version: ov, range: pair.oldTokens)
            let nt = TokenRun(version: nv, range: pair.newTokens)
            // Most pairs read the same: compared in the token tables before any symbol list is made.
            let same = pair.oldTokens.count == pair.newTokens.count
                && ov.tokens.withUnsafeBufferPointer { a in
                    nv.tokens.withUnsafeBufferPointer { b in
                        zip(pair.oldTokens, pair.newTokens).allSatisfy { a[$0].symbol == b[$1].symbol }
                    }
                }
            var hunks: [DiffHunk] = []
            if !same {
                ComparedPairs.fill(&oldSymbols, ov, pair.oldTokens)
                ComparedPairs.fill(&newSymbols, nv, pair.newTokens)
                hunks = oldSymbols.withUnsafeBufferPointer { a in
                    newSymbols.withUnsafeBufferPointer { b in
                        SequenceDiff.diff(
                            UnsafeBufferPointer(rebasing: a[0..<pair.oldTokens.count]),
                            UnsafeBufferPointer(rebasing: b[0..<pair.newTokens.count]), symbols: tables)
                    }
                }
            }
            return ComparedPair(
                index: index, oldNode: pair.oldNode, newNode: pair.newNode, oldTokens: ot, newTokens: nt, hunks: hunks,
                claims: claims)
        }
    }

    /// The symbols of `run` in the first entries of `buffer` (grown when short).
    private static func fill(_ buffer: inout [Int32], _ v: FlatVersion, _ run: Range<Int>) {
        if buffer.count < run.count { buffer.append(contentsOf: repeatElement(0, count: run.count - buffer.count)) }
        buffer.withUnsafeMutableBufferPointer { out in
            v.tokens.withUnsafeBufferPointer { toks in
                for (i, t) in run.enumerated() { out[i] = toks[t].symbol }
            }
        }
    }

    /// The old provision's citation of compared pair `c` (the fallback where no finer citation is found).
    func oldCitation(_ c: ComparedPair) -> String { aligned.textPairs[c.index].oldRef.citation }
    /// The new provision's citation of compared pair `c`.
    func newCitation(_ c: ComparedPair) -> String { aligned.textPairs[c.index].newRef.citation }
}
