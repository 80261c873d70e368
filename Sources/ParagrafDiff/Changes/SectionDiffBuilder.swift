import Paragraf

/// Builds the sections of a diff side by side: per preamble, section and annex row, its provisions in reading
/// order, each aligned pair with its word segments and each added or removed provision as one segment.
struct SectionDiffBuilder {
    let pairs: ComparedPairs
    var aligned: AlignmentResult { pairs.aligned }

    /// The sections of the diff: a ``SectionDiff`` per preamble, section and annex row, in that order.
    func build() -> [SectionDiff] {
        let ov = aligned.old
        let nv = aligned.new
        let textPairs = aligned.textPairs
        // The compared pairs by the first component of their new id (their section), in order.
        var pairsBySection: [NodeID: [Int]] = [:]
        for (n, c) in pairs.pairs.enumerated() {
            pairsBySection[IDPath.first(textPairs[c.index].newRef.id), default: []].append(n)
        }
        var result: [SectionDiff] = []
        var marks = Marks(oldCount: ov.nodes.count, newCount: nv.nodes.count)
        for list in [aligned.alignment.preamble, aligned.alignment.sections, aligned.alignment.annexes] {
            for row in list {
                let oldSections = row.old.compactMap { ov.nodes.row(of: $0.id) }
                let newSections = row.new.compactMap { nv.nodes.row(of: $0.id) }
                // The compared pairs of the row's sections, by new node (the first pair of a node wins).
                for section in newSections {
                    for n in pairsBySection[nv.nodes.id(at: section)] ?? [] where marks.pairOfNew[pairs.pairs[n].newNode] < 0 {
                        marks.pairOfNew[pairs.pairs[n].newNode] = Int32(n)
                        marks.newTouched.append(pairs.pairs[n].newNode)
                    }
                }
                let provisions = sideBySide(
                    oldSections.flatMap { provisionNodes(of: $0, in: ov) }, newSections.flatMap { provisionNodes(of: $0, in: nv) },
                    &marks)
                marks.clear()
                let oldKey = row.old.isEmpty ? "add" : IDPath.dashed(row.old[0].id)
                let newKey = row.new.isEmpty ? "del" : IDPath.dashed(row.new[0].id)
                result.append(SectionDiff(anchor: "s-\(oldKey)-\(newKey)", row: row, provisions: provisions))
            }
        }
        return result
    }

    /// What ``sideBySide(_:_:_:)`` marks on the rows of one section row, kept from row to row over the node
    /// tables (a row index is a position in an array) and cleared where it was set, not rebuilt per row.
    private struct Marks {
        /// Per new node, the compared pair it is the new side of; -1 for none.
        var pairOfNew: [Int32]
        /// Per old node, its position among the old provisions of the row; -1 for none.
        var positionOfOld: [Int32]
        /// Per old node, whether its provision has been emitted.
        var emitted: [Bool]
        var newTouched: [Int] = []
        var oldTouched: [Int] = []

        init(oldCount: Int, newCount: Int) {
            pairOfNew = [Int32](repeating: -1, count: newCount)
            positionOfOld = [Int32](repeating: -1, count: oldCount)
            emitted = [Bool](repeating: false, count: oldCount)
        }

        /// Unmarks every node marked since the last clear.
        mutating func clear() {
            for n in newTouched { pairOfNew[n] = -1 }
            for o in oldTouched {
                positionOfOld[o] = -1
                emitted[o] = false
            }
            newTouched.removeAll(keepingCapacity: true)
            oldTouched.removeAll(keepingCapacity: true)
        }
    }

    /// The provisions a row of node `n` shows: its subsections or annex blocks, or the node itself when it is
    /// a leaf (the preamble).
    private func provisionNodes(of n: Int, in v: FlatVersion) -> [Int] {
        v.isTextLeaf(n)
            ? [n] : v.nodes.children(of: n).filter { v.nodes.kind(at: $0) == .subsection || v.nodes.kind(at: $0) == .block }
    }

    /// The provisions of a row in reading order: each new child with its compared pair (or as inserted),
    /// the old children that were not aligned as deleted where they stood, the rest of them at the end.
    private func sideBySide(_ oldChildren: [Int], _ newChildren: [Int], _ marks: inout Marks) -> [ProvisionDiff] {
        let ov = aligned.old
        let nv = aligned.new
        var provisions: [ProvisionDiff] = []
        for (k, child) in oldChildren.enumerated() {
            marks.positionOfOld[child] = Int32(k)
            marks.oldTouched.append(child)
        }
        func emitRemoved(upTo limit: Int) {
            for (k, child) in oldChildren.enumerated() where k < limit {
                if marks.emitted[child] || aligned.oldToNew.target(child) != nil { continue }
                marks.emitted[child] = true
                provisions.append(
                    ProvisionDiff(old: ov.ref(child), new: nil, segments: [wholeSegment(child, .delete, locator: pairs.oldLocator)]))
            }
        }
        for child in newChildren {
            if marks.pairOfNew[child] >= 0 {
                let c = pairs.pairs[Int(marks.pairOfNew[child])]
                let position = marks.positionOfOld[c.oldNode]
                emitRemoved(upTo: position >= 0 ? Int(position) : 0)
                if !marks.emitted[c.oldNode] {
                    marks.emitted[c.oldNode] = true
                    marks.oldTouched.append(c.oldNode)
                }
                provisions.append(
                    ProvisionDiff(
                        old: aligned.textPairs[c.index].oldRef, new: aligned.textPairs[c.index].newRef,
                        segments: segments(c, oldLocator: pairs.oldLocator, newLocator: pairs.newLocator)))
            } else {
                provisions.append(
                    ProvisionDiff(old: nil, new: nv.ref(child), segments: [wholeSegment(child, .insert, locator: pairs.newLocator)]))
            }
        }
        // Then the old children of merged sections, or of removed sections, that were not aligned.
        emitRemoved(upTo: Int.max)
        return provisions
    }

    /// A whole provision as one inserted or deleted segment.
    private func wholeSegment(_ node: Int, _ operation: DiffHunk.Operation, locator: CitationLocator) -> TextSegment {
        let v = operation == .insert ? aligned.new : aligned.old
        let runs = v.wholeRuns(node)
        let text = v.readerText(runs)
        let range =
            runs.isEmpty
            ? v.location(of: v.nodes.range(at: node))
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
    ) -> (LocatedRange, String) {
        if let a = hunk.first, let b = hunk.last {
            let start = tokens.offsets(a).lowerBound
            return (
                locator.range(start, tokens.offsets(b).upperBound),
                locator.citation(at: start, fallback: old ? pairs[pair].oldRef.citation : pairs[pair].newRef.citation)
            )
        }
        let at =
            hunk.lowerBound < tokens.count
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
        let ot = c.oldTokens
        let nt = c.newTokens
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
                // Unchanged words are mostly written the same: then the old string serves for both, told equal
                // without building the new one. Measured: ≈ 55 M of 3 537 M
                // instructions (1.6 %) of `paragraf-bench once diff` at ×100.
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
