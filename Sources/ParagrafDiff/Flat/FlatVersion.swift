import Paragraf

/// One version of a regulation flattened once for the diff: nodes in pre-order with integer links,
/// every atom tokenized once into one token table, and per-node values computed on first use.
///
/// Everything the aligner and classifier compare is an index into these arrays, so the diff neither copies
/// `Node` trees nor looks up strings in dictionaries per token.
final class FlatVersion {
    let parsed: ParsedDocument
    var source: SourceText { parsed.source }
    /// The lines and columns of `range` in this version's source.
    func location(of range: SourceRange) -> LocatedRange { locations.location(of: range) }
    /// The source's line table, taken once (not a copy of the source and a new converter per range).
    private let locations: SourceLocationConverter
    let symbols: Symbols
    // Read by every stage and appended to per token, node and atom while flattening: without the attribute,
    // every access checks exclusivity at run time. Measured: the checks on these three tables and on the
    // unchecked tables of ``Symbols`` cost 59 M of 414 M instructions (14 %) of `paragraf-bench once diff` at
    // ×10 (no access overlaps another).
    @exclusivity(unchecked) private(set) var nodes: [FlatNode] = []
    @exclusivity(unchecked) private(set) var atoms: [Atom] = []
    @exclusivity(unchecked) private(set) var tokens: [Tok] = []
    /// Per node, its citation once asked (``citation(_:)``; read for every reported place). Unchecked: measured
    /// together with the unchecked tables of ``UnitBuilder`` (see there).
    @exclusivity(unchecked) var citations: [String?] = []
    var captions: [String?] = []
    /// Node by id (the last node with each id), built when first asked.
    var idTable: [NodeID: Int32]?

    init(_ parsed: ParsedDocument, symbols: Symbols) {
        self.parsed = parsed
        self.symbols = symbols
        locations = parsed.source.locations
        // Danish regulations run about seven bytes a token; a denser text grows the table and is shrunk below.
        let approximateTokens = parsed.source.bytes.count / 6
        tokens.reserveCapacity(approximateTokens)
        parsed.source.bytes.withUnsafeBufferPointer { b in
            visit([parsed.document.root], slot: 0, parent: -1, chapter: -1, b)
        }
        // The tables live as long as the diff is built: give back what the estimate and growth left spare.
        tokens.shrinkToFit()
        atoms.shrinkToFit()
        nodes.shrinkToFit()
        // Two tables, not one shared: the first write to a shared one would copy it element by element.
        citations = [String?](repeating: nil, count: nodes.count)
        captions = [String?](repeating: nil, count: nodes.count)
    }

    /// Appends node `siblings[slot]` and its subtree. The node is read in place through a pointer into its
    /// siblings' buffer: a `Node` copied out of the array is a retain and a release of each of its references.
    /// Measured: 2.2 M of 396 M instructions (0.6 %) of `paragraf-bench once diff` at ×10.
    private func visit(_ siblings: [Node], slot: Int, parent: Int32, chapter: Int32, _ b: UnsafeBufferPointer<UInt8>) {
        siblings.withUnsafeBufferPointer { buffer in
            let node = buffer.baseAddress! + slot
            let index = Int32(nodes.count)
            let kind = node.pointee.kind
            let chapter = kind == .chapter ? index : chapter
            nodes.append(
                FlatNode(
                    siblings: siblings, slot: Int32(slot), parent: parent, end: 0, chapter: chapter,
                    atomStart: Int32(atoms.count), contentAtom: 0, atomEnd: 0, tokenStart: 0, tokenEnd: 0, textAtom: -1,
                    kind: kind))
            if kind == .item, let labelRange = node.pointee.labelRange {
                addAtom(labelRange.offsets, node: index, isSectionText: false, b)
            }
            nodes[Int(index)].contentAtom = Int32(atoms.count)
            nodes[Int(index)].tokenStart = Int32(tokens.count)
            if kind == .chapter || kind == .annex || kind == .part, let titleRange = node.pointee.titleRange {
                addAtom(titleRange.offsets, node: index, isSectionText: false, b)
            }
            let children = node.pointee.children
            if children.isEmpty {
                if node.pointee.text != nil {
                    nodes[Int(index)].textAtom = Int32(atoms.count)
                    addAtom(
                        node.pointee.range.offsets, node: index, isSectionText: kind == .section || kind == .subsection, b)
                }
            } else {
                for k in children.indices {
                    visit(children, slot: k, parent: index, chapter: chapter, b)
                }
            }
            nodes[Int(index)].end = Int32(nodes.count)
            nodes[Int(index)].atomEnd = Int32(atoms.count)
            nodes[Int(index)].tokenEnd = Int32(tokens.count)
        }
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

    /// Finalizes the atoms of the unit of `node` (``FlatNode/contentAtom`` to the end of the subtree).
    func finalizeUnit(_ node: Int) {
        for a in Int(nodes[node].contentAtom)..<Int(nodes[node].atomEnd) { finalize(a) }
    }

    /// Finalizes every atom not yet finalized (after alignment, before the classifier compares symbols).
    func finalizeAll() {
        for a in atoms.indices { finalize(a) }
    }
}
