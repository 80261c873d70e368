import Paragraf

/// Builds the sections of a diff side by side: per preamble, section and annex row, its provisions in reading
/// order, each aligned pair with its word segments and each added or removed provision as one segment.
struct SectionDiffBuilder {
    let pairs: ComparedPairs
    var aligned: AlignmentResult { pairs.aligned }

    /// The sections of the diff: a ``SectionDiff`` per preamble, section and annex row, in that order.
    func build() -> [SectionDiff] {
        let ov = aligned.old, nv = aligned.new
        let compared = pairs.pairs, oldLocator = pairs.oldLocator, newLocator = pairs.newLocator
        // Ids are compared through their nodes: ``FlatVersion/canonical(_:)`` is the node `node(id)` finds
        // for a node's id (the last with that id), so two nodes have the same id exactly when their canonical
        // nodes agree. Per-row sets and maps are arrays over the nodes, stamped with the row's number.

        // The compared pairs by the new node named by their new id's first component (the node `node(id)`
        // finds, so a row's section, found the same way, is that node exactly when its id is that
        // component), as lists threaded through `nextPair`, in the order of the pairs. That node is
        // usually the canonical node of an ancestor of the pair's node with that id.
        var firstPair = [Int32](repeating: -1, count: nv.nodes.count)
        var lastPair = [Int32](repeating: -1, count: nv.nodes.count)
        var nextPair = [Int32](repeating: -1, count: compared.count)
        for (n, c) in compared.enumerated() {
            let first = SectionDiffBuilder.firstComponent(aligned.textPairs[c.index].newRef.id)
            var ancestor = c.newNode
            while ancestor >= 0 && nv.nodes[ancestor].id != first { ancestor = Int(nv.nodes[ancestor].parent) }
            let section = ancestor >= 0 ? nv.canonical(ancestor) : nv.node(String(first))
            guard let k = section else { continue }
            if lastPair[k] < 0 { firstPair[k] = Int32(n) } else { nextPair[Int(lastPair[k])] = Int32(n) }
            lastPair[k] = Int32(n)
        }
        // Old nodes the alignment maps (`aligned.oldToNew[id] != nil`), for canonical nodes.
        func isMappedOld(_ k: Int) -> Bool { aligned.oldToNew.maps(canonical: k) }
        var matchStamp = [Int32](repeating: -1, count: nv.nodes.count), matchIndex = [Int32](repeating: 0, count: nv.nodes.count)
        var orderStamp = [Int32](repeating: -1, count: ov.nodes.count), orderIndex = [Int32](repeating: 0, count: ov.nodes.count)
        var emittedStamp = [Int32](repeating: -1, count: ov.nodes.count)

        var result: [SectionDiff] = []
        // The preamble, section and annex rows, numbered in that order (walked list by list: a joined list
        // would copy every row).
        var rowNumber: Int32 = -1
        for row in [aligned.alignment.preamble, aligned.alignment.sections, aligned.alignment.annexes].joined() {
            rowNumber += 1
            let stamp = rowNumber
            var provisions: [ProvisionDiff] = []
            let oldNodes = row.old.compactMap { ov.node($0.id) }
            let newNodes = row.new.compactMap { nv.node($0.id) }
            // A leaf row (the preamble) is its own only provision.
            func provisionsOf(_ v: FlatVersion, _ n: Int) -> [Int] {
                v.nodes[n].end == Int32(n + 1) && v.nodes[n].text != nil
                    ? [n] : v.children(n).filter { v.nodes[$0].kind == .subsection || v.nodes[$0].kind == .block }
            }
            let oldChildren = oldNodes.flatMap { provisionsOf(ov, $0) }
            let newChildren = newNodes.flatMap { provisionsOf(nv, $0) }
            // The compared pairs of the row's new sections, by new id (the first pair of an id wins).
            for section in newNodes {
                var next = firstPair[section]
                while next >= 0 {
                    let n = Int(next)
                    next = nextPair[n]
                    let k = nv.canonical(compared[n].newNode)
                    if matchStamp[k] != stamp {
                        matchStamp[k] = stamp
                        matchIndex[k] = Int32(n)
                    }
                }
            }
            // The position of each old child, by id.
            for (position, child) in oldChildren.enumerated() {
                let k = ov.canonical(child)
                orderStamp[k] = stamp
                orderIndex[k] = Int32(position)
            }
            func emitRemoved(upTo limit: Int) {
                for (position, child) in oldChildren.enumerated() where position < limit {
                    let k = ov.canonical(child)
                    if emittedStamp[k] == stamp || isMappedOld(k) { continue }
                    emittedStamp[k] = stamp
                    provisions.append(
                        ProvisionDiff(old: ov.ref(child), new: nil, segments: [wholeSegment(child, .delete, locator: oldLocator)]))
                }
            }
            for child in newChildren {
                let k = nv.canonical(child)
                if matchStamp[k] == stamp {
                    let c = compared[Int(matchIndex[k])]
                    let oldK = ov.canonical(c.oldNode)
                    emitRemoved(upTo: orderStamp[oldK] == stamp ? Int(orderIndex[oldK]) : 0)
                    emittedStamp[oldK] = stamp
                    provisions.append(
                        ProvisionDiff(
                            old: aligned.textPairs[c.index].oldRef, new: aligned.textPairs[c.index].newRef,
                            segments: segments(c, oldLocator: oldLocator, newLocator: newLocator)))
                } else {
                    provisions.append(
                        ProvisionDiff(old: nil, new: nv.ref(child), segments: [wholeSegment(child, .insert, locator: newLocator)]))
                }
            }
            emitRemoved(upTo: Int.max)
            // Old children of merged sections, or of removed sections, that were not aligned.
            for child in oldChildren {
                let k = ov.canonical(child)
                guard emittedStamp[k] != stamp && !isMappedOld(k) else { continue }
                emittedStamp[k] = stamp
                provisions.append(ProvisionDiff(old: ov.ref(child), new: nil, segments: [wholeSegment(child, .delete, locator: oldLocator)]))
            }
            let oldKey = row.old.isEmpty ? "add" : SectionDiffBuilder.dashed(row.old[0].id)
            let newKey = row.new.isEmpty ? "del" : SectionDiffBuilder.dashed(row.new[0].id)
            result.append(SectionDiff(anchor: "s-\(oldKey)-\(newKey)", row: row, provisions: provisions))
        }
        return result
    }

    /// `id.split(separator: "/").first ?? Substring(id)`, byte-wise for ASCII ids (where characters are bytes).
    static func firstComponent(_ id: String) -> Substring {
        var id = id
        let bounds = id.withUTF8 { b -> Range<Int>? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            var start = 0
            while start < b.count, b[start] == 0x2F { start += 1 }
            if start == b.count { return 0..<b.count }
            var end = start
            while end < b.count, b[end] != 0x2F { end += 1 }
            return start..<end
        }
        guard let bounds else { return id.split(separator: "/").first ?? Substring(id) }
        let utf8 = id.utf8
        return id[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)]
    }

    /// `id.replacingOccurrences(of: "/", with: "-")`, byte-wise for ASCII ids.
    static func dashed(_ id: String) -> String {
        guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return id.replacingOccurrences(of: "/", with: "-") }
        return String(decoding: id.utf8.map { $0 == 0x2F ? 0x2D : $0 }, as: UTF8.self)
    }

    /// A whole provision as one inserted or deleted segment.
    private func wholeSegment(_ node: Int, _ operation: DiffHunk.Operation, locator: CitationLocator) -> TextSegment {
        let v = operation == .insert ? aligned.new : aligned.old
        let runs = v.wholeRuns(node)
        let text = v.readerText(runs)
        let range = runs.isEmpty
            ? v.nodes[node].range
            : locator.range(Int(v.tokens[runs[0].lowerBound].start), Int(v.tokens[runs[runs.count - 1].upperBound - 1].end))
        let citation = v.citation(node)
        return operation == .insert
            ? TextSegment(operation: .insert, old: nil, new: text, newRange: range, newCitation: citation, category: .wording)
            : TextSegment(operation: .delete, old: text, new: nil, oldRange: range, oldCitation: citation, category: .wording)
    }

    /// Where the tokens `hunk` of `tokens` stand on one side, and the citation of that place; an empty
    /// hunk (nothing on this side) is placed where its neighbours leave off. The reference of the provision
    /// on that side (`pairs[pair]`'s old or new one) is read field by field when needed (the fallback
    /// citation, the end of an empty provision), not copied, strings and all, for every hunk.
    private static func place(
        of hunk: Range<Int>, in tokens: TokenRun, locator: CitationLocator, pairs: [TextPair], pair: Int, old: Bool
    ) -> (SourceRange, String) {
        if let a = hunk.first, let b = hunk.last {
            let start = tokens.offsets(a).lowerBound
            return (
                locator.range(start, tokens.offsets(b).upperBound),
                locator.citation(at: start, fallback: old ? pairs[pair].oldRef.citation : pairs[pair].newRef.citation)
            )
        }
        let at = hunk.lowerBound < tokens.count
            ? tokens.offsets(hunk.lowerBound).lowerBound
            : (tokens.count > 0
                ? tokens.offsets(tokens.count - 1).upperBound
                : (old ? pairs[pair].oldRef.range.end.offset : pairs[pair].newRef.range.end.offset))
        return (
            locator.range(at, at),
            locator.citation(at: max(0, at - 1), fallback: old ? pairs[pair].oldRef.citation : pairs[pair].newRef.citation)
        )
    }

    private func segments(_ c: ComparedPair, oldLocator: CitationLocator, newLocator: CitationLocator) -> [TextSegment] {
        let ot = c.oldTokens, nt = c.newTokens
        if c.hunks.isEmpty {
            let oldText = ot.text(0..<ot.count)
            let newText = nt.text(0..<nt.count, equals: oldText) ? oldText : nt.text(0..<nt.count)
            return [TextSegment(operation: .equal, old: oldText, new: newText)]
        }
        var result: [TextSegment] = []
        result.reserveCapacity(c.hunks.count)
        let pairs = aligned.textPairs
        for (h, hunk) in c.hunks.enumerated() {
            let oldText = hunk.old.isEmpty ? nil : ot.text(hunk.old, withPrevious: true)
            if hunk.operation == .equal {
                // Unchanged words are mostly written the same: then the old string serves for both.
                let same = oldText.map { nt.text(hunk.new, withPrevious: true, equals: $0) } ?? false
                let newText = same ? oldText : (hunk.new.isEmpty ? nil : nt.text(hunk.new, withPrevious: true))
                result.append(TextSegment(operation: .equal, old: oldText, new: newText))
                continue
            }
            let newText = hunk.new.isEmpty ? nil : nt.text(hunk.new, withPrevious: true)
            let (oldRange, oldCitation) = Self.place(
                of: hunk.old, in: ot, locator: oldLocator, pairs: pairs, pair: c.index, old: true)
            let (newRange, newCitation) = Self.place(
                of: hunk.new, in: nt, locator: newLocator, pairs: pairs, pair: c.index, old: false)
            result.append(
                TextSegment(
                    operation: hunk.operation, old: oldText, new: newText, oldRange: oldRange, newRange: newRange,
                    oldCitation: oldCitation, newCitation: newCitation, category: c.category(h) ?? .wording))
        }
        return result
    }
}
