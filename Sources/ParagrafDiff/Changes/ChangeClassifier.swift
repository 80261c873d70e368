import Paragraf

/// The finest citation for a byte offset of one version: sentence, item or subsection.
struct CitationLocator {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var leaves: [Node] = []

    init(_ document: Document) {
        var entries: [Node] = []
        document.root.forEach { node in
            guard node.children.isEmpty, node.text != nil else { return }
            guard node.kind == .sentence || node.kind == .block || node.kind == .preamble else { return }
            entries.append(node)
        }
        entries.sort { $0.range.start.offset < $1.range.start.offset }
        starts = entries.map(\.range.start.offset)
        ends = entries.map(\.range.end.offset)
        // Citations are written out only for the leaves that hold a change.
        leaves = entries.map { Node(kind: $0.kind, id: $0.id, number: $0.number, range: $0.range) }
    }

    /// The citation of the leaf holding `offset`, or `fallback`.
    func citation(at offset: Int, fallback: String) -> String {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        let k = lo - 1
        guard k >= 0, offset < ends[k] else { return fallback }
        return Aligner.citation(of: leaves[k])
    }
}

/// Turns an alignment into classified changes: word segments, amounts, terms, duties, metadata.
struct ChangeClassifier {
    let old: ParsedDocument
    let new: ParsedDocument
    let aligned: AlignmentResult

    /// A compared pair: the hunks over the tokens of both sides.
    private struct Compared {
        var pair: TextPair
        var hunks: [DiffHunk]
        /// Per hunk, the category once classified.
        var categories: [ChangeCategory?]
    }

    func classify() -> DocumentDiff {
        let oldLocator = CitationLocator(old.document)
        let newLocator = CitationLocator(new.document)

        // 1. Word diff of every aligned pair.
        var compared: [Compared] = aligned.textPairs.map { pair in
            let a = pair.old.tokens.map(\.symbol)
            let b = pair.new.tokens.map(\.symbol)
            let hunks = a == b ? [] : SequenceDiff.diff(a, b)
            return Compared(pair: pair, hunks: hunks, categories: hunks.map { _ in nil })
        }

        // 2. Amounts.
        var amounts: [AmountChange] = []
        for (n, c) in compared.enumerated() {
            let oldAmounts = AmountReader.amounts(in: c.pair.old.tokens)
            let newAmounts = AmountReader.amounts(in: c.pair.new.tokens)
            if oldAmounts.isEmpty || newAmounts.isEmpty { continue }
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace {
                let os = oldAmounts.filter { hunk.old.contains($0.numberToken) }
                var ns = newAmounts.filter { hunk.new.contains($0.numberToken) }
                for o in os {
                    guard let k = ns.firstIndex(where: { $0.unit == o.unit }) else { continue }
                    let m = ns.remove(at: k)
                    guard m.value != o.value else { continue }
                    let oldRange = old.source.range(o.offsets.lowerBound, o.offsets.upperBound)
                    let newRange = new.source.range(m.offsets.lowerBound, m.offsets.upperBound)
                    amounts.append(
                        AmountChange(
                            unit: o.unit, oldValue: o.value, newValue: m.value,
                            percentChange: o.value == 0 ? nil : Int(((m.value - o.value) / o.value * 100).rounded()),
                            oldText: o.text, newText: m.text,
                            oldCitation: oldLocator.citation(at: o.offsets.lowerBound, fallback: c.pair.oldRef.citation),
                            newCitation: newLocator.citation(at: m.offsets.lowerBound, fallback: c.pair.newRef.citation),
                            oldRange: oldRange, newRange: newRange))
                    compared[n].categories[h] = .amount
                }
            }
        }

        // 3. Terms: short word-for-word replacements, counted over the whole document.
        struct Occurrence {
            var pairIndex: Int
            var hunkIndex: Int
            var place: Place
        }
        var occurrences: [String: [Occurrence]] = [:]
        var phrases: [String: (String, String)] = [:]
        for (n, c) in compared.enumerated() {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace && compared[n].categories[h] == nil {
                let ot = Array(c.pair.old.tokens[hunk.old]), nt = Array(c.pair.new.tokens[hunk.new])
                let ow = ot.filter { $0.kind == .word }, nw = nt.filter { $0.kind == .word }
                guard (1...3).contains(ow.count), (1...3).contains(nw.count) else { continue }
                guard ot.allSatisfy({ $0.kind != .number }), nt.allSatisfy({ $0.kind != .number }) else { continue }
                let op = ow.map(\.key).joined(separator: " "), np = nw.map(\.key).joined(separator: " ")
                if (ow + nw).contains(where: { Lexicon.modalities[$0.key] != nil }) { continue }
                let key = op + "\u{1F}" + np
                phrases[key] = (op, np)
                let place = Place(
                    oldCitation: oldLocator.citation(at: ot[0].offsets.lowerBound, fallback: c.pair.oldRef.citation),
                    newCitation: newLocator.citation(at: nt[0].offsets.lowerBound, fallback: c.pair.newRef.citation),
                    oldRange: old.source.range(ot[0].offsets.lowerBound, ot[ot.count - 1].offsets.upperBound),
                    newRange: new.source.range(nt[0].offsets.lowerBound, nt[nt.count - 1].offsets.upperBound))
                occurrences[key, default: []].append(Occurrence(pairIndex: n, hunkIndex: h, place: place))
            }
        }
        var terms: [TermSubstitution] = []
        for (key, list) in occurrences {
            guard let (op, np) = phrases[key] else { continue }
            let known = Lexicon.isEraPair(op, np)
            // Without the lexicon's word for it, a substitution must repeat and replace word for word.
            let wordForWord = op.split(separator: " ").count == np.split(separator: " ").count
            guard known || (list.count >= 2 && wordForWord) else { continue }
            terms.append(
                TermSubstitution(old: op, new: np, count: list.count, isKnownEraTerm: known, places: list.map(\.place)))
            for o in list { compared[o.pairIndex].categories[o.hunkIndex] = .term }
        }
        terms.sort { $0.count != $1.count ? $0.count > $1.count : ($0.old, $0.new) < ($1.old, $1.new) }

        // 3b. Citations renumbered in the text: numbers (and list words) right after "§", "stk.", "nr.", "kapitel".
        for (n, c) in compared.enumerated() {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation != .equal && compared[n].categories[h] == nil {
                if ChangeClassifier.isCitationEdit(c.pair.old.tokens, hunk.old)
                    && ChangeClassifier.isCitationEdit(c.pair.new.tokens, hunk.new)
                {
                    compared[n].categories[h] = .citation
                }
            }
        }

        // 4. Duties.
        var duties: [DutyChange] = []
        for (n, c) in compared.enumerated() where !c.hunks.isEmpty {
            let od = DutyReader.duties(in: c.pair.old.node, source: old.source)
            let nd = DutyReader.duties(in: c.pair.new.node, source: new.source)
            for (o, m) in zip(od, nd) {
                let change = DutyChange(
                    oldCitation: oldLocator.citation(at: o.range.lowerBound, fallback: c.pair.oldRef.citation),
                    newCitation: newLocator.citation(at: m.range.lowerBound, fallback: c.pair.newRef.citation),
                    old: o.duty, new: m.duty,
                    oldRange: old.source.range(o.range.lowerBound, o.range.upperBound),
                    newRange: new.source.range(m.range.lowerBound, m.range.upperBound))
                guard change.actorChanged || change.modalityChanged else { continue }
                duties.append(change)
                // The hunks inside the duty phrase are duty changes, unless already amounts or terms.
                for (h, hunk) in c.hunks.enumerated() where compared[n].categories[h] == nil {
                    guard let first = hunk.new.first.map({ c.pair.new.tokens[$0].offsets.lowerBound }) else { continue }
                    if m.range.contains(first) { compared[n].categories[h] = .duty }
                }
            }
        }

        // 5. Citations, through the references module.
        let citations = CitationChecker(old: old, new: new, aligned: aligned).check()

        // 6. Sections side by side.
        let sections = buildSections(compared, oldLocator: oldLocator, newLocator: newLocator)

        // 7. Metadata.
        let metadata = ChangeClassifier.metadataChanges(old.document.metadata, new.document.metadata)

        var alignmentCounts: [String: [String: Int]] = [:]
        for row in aligned.alignment.allRows {
            alignmentCounts[row.level.rawValue, default: [:]][row.status.rawValue, default: 0] += 1
        }
        var changeCounts: [String: Int] = [
            "amounts": amounts.count, "terms": terms.count, "duties": duties.count, "citations": citations.count,
            "metadata": metadata.count,
        ]
        var wordChanges = 0
        for c in compared { wordChanges += c.hunks.filter { $0.operation != .equal }.count }
        changeCounts["wordChanges"] = wordChanges
        let identical =
            metadata.isEmpty && wordChanges == 0
            && aligned.alignment.allRows.allSatisfy { $0.status == .unchanged }
        return DocumentDiff(
            schemaVersion: DocumentDiff.currentSchemaVersion, old: ChangeClassifier.summary(old),
            new: ChangeClassifier.summary(new),
            summary: DiffSummary(alignment: alignmentCounts, changes: changeCounts, isIdentical: identical),
            alignment: aligned.alignment, metadata: metadata, amounts: amounts, terms: terms, duties: duties,
            citations: citations, sections: sections)
    }

    /// Whether the tokens in `range` are only citation numbers following a citation word.
    static func isCitationEdit(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        let listWords: Set<String> = ["og", "eller", ",", "-", "§", "§§", "stk", ".", "nr"]
        guard range.allSatisfy({ tokens[$0].kind == .number || listWords.contains(tokens[$0].key) }) else {
            return false
        }
        if range.isEmpty { return true }
        guard range.contains(where: { tokens[$0].kind == .number }) else { return false }
        var k = range.lowerBound - 1
        if k >= 0, tokens[k].text == "." { k -= 1 }
        guard k >= 0 else { return false }
        return ["§", "§§", "stk", "nr", "kapitel", "bilag", "pkt"].contains(tokens[k].key)
    }

    // MARK: Sections

    private func buildSections(
        _ compared: [Compared], oldLocator: CitationLocator, newLocator: CitationLocator
    ) -> [SectionDiff] {
        func parent(_ id: String) -> String { String(id.split(separator: "/").first ?? Substring(id)) }
        var byNewParent: [String: [Int]] = [:]
        for (n, c) in compared.enumerated() { byNewParent[parent(c.pair.newRef.id), default: []].append(n) }
        let oldIndex = aligned.oldIndex, newIndex = aligned.newIndex
        let oldChapterOf = Aligner.chapterMap(old.document), newChapterOf = Aligner.chapterMap(new.document)
        let aligner = Aligner(old: old, new: new)

        var result: [SectionDiff] = []
        let rows = aligned.alignment.preamble + aligned.alignment.sections + aligned.alignment.annexes
        for row in rows {
            var provisions: [ProvisionDiff] = []
            let oldNodes = row.old.compactMap { oldIndex.node($0.id) }
            let newNodes = row.new.compactMap { newIndex.node($0.id) }
            let childKinds: Set<NodeKind> = [.subsection, .block]
            // A leaf row (the preamble) is its own only provision.
            func provisionsOf(_ n: Node) -> [Node] {
                n.children.isEmpty && n.text != nil ? [n] : n.children.filter { childKinds.contains($0.kind) }
            }
            let oldChildren = oldNodes.flatMap(provisionsOf)
            let newChildren = newNodes.flatMap(provisionsOf)
            let matchedNew: [String: Int] = Dictionary(
                newNodes.flatMap { byNewParent[$0.id] ?? [] }.map { (compared[$0].pair.newRef.id, $0) },
                uniquingKeysWith: { a, _ in a })
            var emittedOld = Set<String>()
            let oldOrder = Dictionary(uniqueKeysWithValues: oldChildren.enumerated().map { ($1.id, $0) })
            func emitRemoved(upTo limit: Int) {
                for (k, child) in oldChildren.enumerated() where k < limit && !emittedOld.contains(child.id) {
                    if aligned.oldToNew[child.id] != nil, limit == Int.max { continue }
                    if aligned.oldToNew[child.id] != nil { continue }
                    emittedOld.insert(child.id)
                    provisions.append(
                        ProvisionDiff(
                            old: aligner.ref(child, oldIndex, oldChapterOf), new: nil,
                            segments: [wholeSegment(child, .delete, source: old.source, locator: oldLocator)]))
                }
            }
            for child in newChildren {
                if let n = matchedNew[child.id] {
                    let c = compared[n]
                    emitRemoved(upTo: oldOrder[c.pair.oldRef.id] ?? 0)
                    emittedOld.insert(c.pair.oldRef.id)
                    provisions.append(
                        ProvisionDiff(
                            old: c.pair.oldRef, new: c.pair.newRef,
                            segments: segments(c, oldLocator: oldLocator, newLocator: newLocator)))
                } else {
                    provisions.append(
                        ProvisionDiff(
                            old: nil, new: aligner.ref(child, newIndex, newChapterOf),
                            segments: [wholeSegment(child, .insert, source: new.source, locator: newLocator)]))
                }
            }
            emitRemoved(upTo: Int.max)
            // Old children of merged sections, or of removed sections, that were not aligned.
            for child in oldChildren where !emittedOld.contains(child.id) && aligned.oldToNew[child.id] == nil {
                emittedOld.insert(child.id)
                provisions.append(
                    ProvisionDiff(
                        old: aligner.ref(child, oldIndex, oldChapterOf), new: nil,
                        segments: [wholeSegment(child, .delete, source: old.source, locator: oldLocator)]))
            }
            let oldKey = row.old.first.map { $0.id.replacingOccurrences(of: "/", with: "-") } ?? "add"
            let newKey = row.new.first.map { $0.id.replacingOccurrences(of: "/", with: "-") } ?? "del"
            result.append(SectionDiff(anchor: "s-\(oldKey)-\(newKey)", row: row, provisions: provisions))
        }
        return result
    }

    /// A whole provision as one inserted or deleted segment.
    private func wholeSegment(
        _ node: Node, _ operation: DiffHunk.Operation, source: SourceText, locator: CitationLocator
    ) -> TextSegment {
        let builder = operation == .insert ? aligned.newBuilder : aligned.oldBuilder
        let tokens = builder.tokens(of: node)
        let text = ChangeClassifier.text(tokens[...])
        let range = tokens.isEmpty
            ? node.range : source.range(tokens[0].offsets.lowerBound, tokens[tokens.count - 1].offsets.upperBound)
        let citation = Aligner.citation(of: node)
        return operation == .insert
            ? TextSegment(operation: .insert, old: nil, new: text, newRange: range, newCitation: citation, category: .wording)
            : TextSegment(operation: .delete, old: text, new: nil, oldRange: range, oldCitation: citation, category: .wording)
    }

    private func segments(_ c: Compared, oldLocator: CitationLocator, newLocator: CitationLocator) -> [TextSegment] {
        let ot = c.pair.old.tokens, nt = c.pair.new.tokens
        if c.hunks.isEmpty {
            return [
                TextSegment(
                    operation: .equal, old: ChangeClassifier.text(ot[...]),
                    new: ChangeClassifier.text(nt[...]))
            ]
        }
        var result: [TextSegment] = []
        for (h, hunk) in c.hunks.enumerated() {
            let oldText = hunk.old.isEmpty
                ? nil : ChangeClassifier.text(ot[hunk.old], previous: hunk.old.lowerBound > 0 ? ot[hunk.old.lowerBound - 1] : nil)
            let newText = hunk.new.isEmpty
                ? nil : ChangeClassifier.text(nt[hunk.new], previous: hunk.new.lowerBound > 0 ? nt[hunk.new.lowerBound - 1] : nil)
            if hunk.operation == .equal {
                result.append(TextSegment(operation: .equal, old: oldText, new: newText))
                continue
            }
            var segment = TextSegment(operation: hunk.operation, old: oldText, new: newText)
            if let a = hunk.old.first, let b = hunk.old.last {
                segment.oldRange = old.source.range(ot[a].offsets.lowerBound, ot[b].offsets.upperBound)
                segment.oldCitation = oldLocator.citation(at: ot[a].offsets.lowerBound, fallback: c.pair.oldRef.citation)
            } else {
                let at = hunk.old.lowerBound < ot.count ? ot[hunk.old.lowerBound].offsets.lowerBound : (ot.last?.offsets.upperBound ?? c.pair.old.node.range.end.offset)
                segment.oldRange = old.source.range(at, at)
                segment.oldCitation = oldLocator.citation(at: max(0, at - 1), fallback: c.pair.oldRef.citation)
            }
            if let a = hunk.new.first, let b = hunk.new.last {
                segment.newRange = new.source.range(nt[a].offsets.lowerBound, nt[b].offsets.upperBound)
                segment.newCitation = newLocator.citation(at: nt[a].offsets.lowerBound, fallback: c.pair.newRef.citation)
            } else {
                let at = hunk.new.lowerBound < nt.count ? nt[hunk.new.lowerBound].offsets.lowerBound : (nt.last?.offsets.upperBound ?? c.pair.new.node.range.end.offset)
                segment.newRange = new.source.range(at, at)
                segment.newCitation = newLocator.citation(at: max(0, at - 1), fallback: c.pair.newRef.citation)
            }
            segment.category = c.categories[h] ?? .wording
            result.append(segment)
        }
        return result
    }

    /// The text of consecutive tokens as a reader sees it: one space wherever the source had whitespace,
    /// including before the first token when `previous` (the token before the run) is separated from it.
    static func text(_ tokens: ArraySlice<Token>, previous: Token? = nil) -> String {
        var out = ""
        var last = previous
        for t in tokens {
            if let l = last, l.offsets.upperBound < t.offsets.lowerBound { out += " " }
            out += t.text
            last = t
        }
        return out
    }

    // MARK: Metadata and summaries

    static func metadataChanges(_ a: Metadata, _ b: Metadata) -> [MetadataChange] {
        var result: [MetadataChange] = []
        func add(_ field: String, _ x: String?, _ y: String?) {
            if x != y { result.append(MetadataChange(field: field, old: x, new: y)) }
        }
        add("title", a.title, b.title)
        add("documentType", a.documentType.rawValue, b.documentType.rawValue)
        add("legalBasisAct", a.legalBasisAct, b.legalBasisAct)
        add("ministry", a.ministry, b.ministry)
        add("signingDate", a.signingDate?.description, b.signingDate?.description)
        add("inForceDate", a.inForceDate?.description, b.inForceDate?.description)
        add("signers", a.signers.joined(separator: " / "), b.signers.joined(separator: " / "))
        add("repeals", a.repeals.map(\.text).joined(separator: "; "), b.repeals.map(\.text).joined(separator: "; "))
        return result
    }

    static func summary(_ p: ParsedDocument) -> VersionSummary {
        let d = p.document
        return VersionSummary(
            sourceName: d.sourceName, title: d.metadata.title, signingDate: d.metadata.signingDate,
            inForceDate: d.metadata.inForceDate, ministry: d.metadata.ministry, chapters: d.chapters.count,
            sections: d.sections.count, subsections: d.root.all(.subsection).count)
    }
}
