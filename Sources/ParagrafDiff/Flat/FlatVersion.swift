import Paragraf

/// One version of a regulation flattened once for the diff: its ``NodeTable`` (kinds, ids, parents,
/// subtrees, rows by id) with, beside each row, what only the diff reads (``FlatRow``: the chapter, the
/// atoms and tokens); every atom tokenized once into one token table, and per-node values computed on first
/// use.
///
/// A node is its row in the table. Everything the aligner and classifier compare is an index into these
/// arrays, so the diff neither copies `Node` trees nor looks up strings in dictionaries per token.
final class FlatVersion {
    let parsed: ParsedDocument
    var source: SourceText { parsed.source }
    /// The version's nodes: their kinds, ids, parents, subtrees and ranges, and each row's tree node.
    let nodes: NodeTable
    /// The lines and columns of `range` in this version's source.
    func location(of range: SourceRange) -> LocatedRange { lines.range(range.start.offset, range.end.offset) }
    /// The source's line table, taken once, with the line last found: the references of the provisions
    /// (``ref(_:)``) are mostly asked in reading order. Measured: 2.5 M of 220 M instructions (1.1 %) of
    /// `VersionDiff.compare` at ×10 given the graphs halved the line table for each range.
    private let lines: SharedLineCursor
    let symbols: Symbols
    // Read by every stage and appended to per token, node and atom while flattening: without the attribute,
    // every access checks exclusivity at run time. Measured: the checks on these three tables and on the
    // unchecked tables of ``Symbols`` cost 59 M of 414 M instructions (14 %) of `paragraf-bench once diff` at
    // ×10 (no access overlaps another).
    @exclusivity(unchecked) private(set) var rows: [FlatRow] = []
    @exclusivity(unchecked) private(set) var atoms: [Atom] = []
    @exclusivity(unchecked) private(set) var tokens: [Tok] = []
    /// Per node, its citation once asked (``citation(_:)``; read for every reported place). Unchecked: measured
    /// together with the unchecked tables of ``UnitBuilder`` (see there).
    @exclusivity(unchecked) var citations: [String?] = []
    var captions: [String?] = []

    /// Flattens `parsed` over `table`, its document's node table (built here when nil).
    init(_ parsed: ParsedDocument, nodes table: NodeTable? = nil, symbols: Symbols) {
        self.parsed = parsed
        self.symbols = symbols
        lines = SharedLineCursor(parsed.source)
        nodes = table ?? parsed.document.nodeTable()
        // Danish regulations run about seven bytes a token; a denser text grows the table and is shrunk below.
        let approximateTokens = parsed.source.bytes.count / 6
        tokens.reserveCapacity(approximateTokens)
        rows.reserveCapacity(nodes.count)
        parsed.source.bytes.withUnsafeBufferPointer { b in
            for row in 0..<nodes.count { add(row, b) }
        }
        // A subtree's atoms and tokens end where the rows after it begin (tokens are only made in atoms).
        for r in rows.indices {
            let next = nodes.subtreeEnd(of: r)
            let atomEnd = next < rows.count ? Int(rows[next].atomStart) : atoms.count
            rows[r].atomEnd = Int32(atomEnd)
            rows[r].tokenEnd = atomEnd < atoms.count ? atoms[atomEnd].tokenStart : Int32(tokens.count)
        }
        // The tables live as long as the diff is built: give back what the estimate and growth left spare.
        tokens.shrinkToFit()
        atoms.shrinkToFit()
        // Two tables, not one shared: the first write to a shared one would copy it element by element.
        citations = [String?](repeating: nil, count: nodes.count)
        captions = [String?](repeating: nil, count: nodes.count)
    }

    /// Appends the diff's values of `row` and tokenizes its atoms, read from the node table's columns: an
    /// item's label, the title of a chapter, annex or part, the text of a leaf. Rows come in document order,
    /// so the parent's chapter is known.
    private func add(_ row: Int, _ b: UnsafeBufferPointer<UInt8>) {
        let index = Int32(row)
        let kind = nodes.kind(at: row)
        let chapter = kind == .chapter ? index : nodes.parent(of: row).map { rows[$0].chapter } ?? -1
        let atomStart = Int32(atoms.count)
        if kind == .item, let labelRange = nodes.labelRange(at: row) {
            addAtom(labelRange.offsets, node: index, isSectionText: false, b)
        }
        let contentAtom = Int32(atoms.count)
        let tokenStart = Int32(tokens.count)
        if kind == .chapter || kind == .annex || kind == .part, let titleRange = nodes.titleRange(at: row) {
            addAtom(titleRange.offsets, node: index, isSectionText: false, b)
        }
        var textAtom: Int32 = -1
        if nodes.subtreeEnd(of: row) == row + 1, nodes.hasText(at: row) {
            textAtom = Int32(atoms.count)
            addAtom(nodes.range(at: row).offsets, node: index, isSectionText: kind == .section || kind == .subsection, b)
        }
        rows.append(
            FlatRow(
                chapter: chapter, atomStart: atomStart, contentAtom: contentAtom, atomEnd: 0, tokenStart: tokenStart,
                tokenEnd: 0, textAtom: textAtom))
    }

    /// Tokenizes `range` as one atom of `node`, its tokens with provisional ids.
    private func addAtom(_ range: Range<Int>, node: Int32, isSectionText: Bool, _ b: UnsafeBufferPointer<UInt8>) {
        let start = Int32(tokens.count)
        let symbols = self.symbols
        Tokenizer.scan(b, range) { kind, s, e in
            tokens.append(Tok(start: Int32(s), end: Int32(e), symbol: symbols.intern(b, s, e), kind: kind))
        }
        atoms.append(
            Atom(tokenStart: start, tokenEnd: Int32(tokens.count), node: node, isSectionText: isSectionText, isFinal: false))
    }

    /// Gives the tokens of `atom` their final ids (in token order: key, then era class), once.
    @inline(__always)
    func finalize(_ atom: Int) {
        if atoms[atom].isFinal { return }
        finalizeTokens(atom)
    }

    /// ``finalize(_:)`` for an atom not final yet.
    private func finalizeTokens(_ atom: Int) {
        atoms[atom].isFinal = true
        let symbols = self.symbols
        symbols.startFinalizing()
        let range = Int(atoms[atom].tokenStart)..<Int(atoms[atom].tokenEnd)
        // Symbols never touches the token table, so the buffer stays valid throughout. Measured: 4.5 M
        // instructions (1.2 %) of `paragraf-bench once diff` at ×10 (every token is finalized once).
        tokens.withUnsafeMutableBufferPointer { toks in
            for t in range {
                let provisional = toks[t].symbol
                let symbol = symbols.final(provisional)
                toks[t].symbol = symbol
                if toks[t].kind == .word { symbols.finalizeWordBag(symbol, provisional: provisional) }
            }
        }
    }

    /// The finalized tokens of a range that is no atom (a case the text parser never produces).
    func adhocTokens(_ range: Range<Int>) -> [Tok] {
        symbols.startFinalizing()
        var result: [Tok] = []
        let symbols = self.symbols
        source.bytes.withUnsafeBufferPointer { b in
            Tokenizer.scan(b, range) { kind, s, e in
                let provisional = symbols.intern(b, s, e)
                let symbol = symbols.final(provisional)
                if kind == .word { symbols.finalizeWordBag(symbol, provisional: provisional) }
                result.append(Tok(start: Int32(s), end: Int32(e), symbol: symbol, kind: kind))
            }
        }
        return result
    }

    /// Finalizes the atoms of the unit of `node` (``FlatRow/contentAtom`` to the end of the subtree).
    func finalizeUnit(_ node: Int) {
        for a in Int(rows[node].contentAtom)..<Int(rows[node].atomEnd) { finalize(a) }
    }

    /// Finalizes every atom not yet finalized (after alignment, before the classifier compares symbols).
    func finalizeAll() {
        for a in atoms.indices { finalize(a) }
    }
}
