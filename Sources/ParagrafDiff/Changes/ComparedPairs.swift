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
        let ov = aligned.old
        let nv = aligned.new
        oldLocator = CitationLocator(ov)
        newLocator = CitationLocator(nv)
        let tables = SequenceDiff.SymbolTables(size: ov.symbols.provisionalOf.count)
        let claims = ComparedPair.ClaimTable()
        let textPairs = aligned.textPairs
        let oldTokens = ov.tokens
        let newTokens = nv.tokens
        // The symbols of a pair's two runs, in buffers reused from pair to pair.
        var oldSymbols: [Int32] = []
        var newSymbols: [Int32] = []
        /// Sets `buffer` to the symbols of the tokens `run` of `tokens`, copied through buffers. Measured:
        /// appending them through a lazy map cost ≈ 36 M instructions of `paragraf diff` at ×100, this ≈ 5 M.
        func fill(_ buffer: inout [Int32], _ tokens: [Tok], _ run: Range<Int>) {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: repeatElement(0, count: run.count))
            buffer.withUnsafeMutableBufferPointer { out in
                tokens.withUnsafeBufferPointer { toks in
                    for i in 0..<run.count { out[i] = toks[run.lowerBound + i].symbol }
                }
            }
        }
        pairs = textPairs.indices.map { index in
            let pair = textPairs[index]
            fill(&oldSymbols, oldTokens, pair.oldTokens)
            fill(&newSymbols, newTokens, pair.newTokens)
            // Pairs that read the same have no hunks.
            let hunks = oldSymbols == newSymbols ? [] : SequenceDiff.diff(oldSymbols, newSymbols, symbols: tables)
            return ComparedPair(
                index: index, oldNode: pair.oldNode, newNode: pair.newNode,
                oldTokens: TokenRun(version: ov, range: pair.oldTokens),
                newTokens: TokenRun(version: nv, range: pair.newTokens), hunks: hunks, claims: claims)
        }
    }

    /// The old provision's citation of compared pair `c` (the fallback where no finer citation is found).
    func oldCitation(_ c: ComparedPair) -> String { aligned.textPairs[c.index].oldRef.citation }
    /// The new provision's citation of compared pair `c`.
    func newCitation(_ c: ComparedPair) -> String { aligned.textPairs[c.index].newRef.citation }
}
