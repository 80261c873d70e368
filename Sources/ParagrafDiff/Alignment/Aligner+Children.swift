import Paragraf

extension Aligner {
    /// Aligns the subsections of two matched sections (or the items of two matched subsections), given
    /// the parents on each side (several after a merge or split).
    func alignChildren(
        of oldParents: some Collection<Int>, _ newParents: some Collection<Int>, level: AlignmentLevel,
        _ context: inout Context, recordRows: Bool = true
    ) {
        let ov = oldVersion
        let nv = newVersion
        func wanted(_ kind: NodeKind) -> Bool { level == .subsection ? kind == .subsection || kind == .block : kind == .item }
        let oldChildren = ov.children(of: oldParents, where: wanted)
        let newChildren = nv.children(of: newParents, where: wanted)
        if oldChildren.isEmpty && newChildren.isEmpty { return }
        let keep = level == .subsection
        let idf = context.idf
        var ou = oldChildren.enumerated().map { context.oldBuilder.unit($1, index: $0, keepTokens: keep) }
        var nu = newChildren.enumerated().map { context.newBuilder.unit($1, index: $0, keepTokens: keep) }
        for i in ou.indices { ou[i].weight = idf.totalWeight(ou[i]) }
        for i in nu.indices { nu[i].weight = idf.totalWeight(nu[i]) }
        var matcher = Matcher(idf: idf)
        // Inside one matched parent a lower bar is safe: the candidates are few and already related.
        matcher.orderedThreshold = 0.3
        // A single child on each side is the same provision, whatever happened to its words.
        let pairs: [Matcher.Pair] =
            ou.count == 1 && nu.count == 1
            ? [Matcher.Pair(old: 0, new: 0, score: idf.similarity(ou[0], nu[0]), inOrder: true)]
            : matcher.match(ou, nu)
        var oldDone = [Bool](repeating: false, count: ou.count)
        var newDone = [Bool](repeating: false, count: nu.count)
        /// Appends a row of this level to the context's rows, straight away (the nested calls record items
        /// only, so the subsection rows keep their order), unless rows are not recorded.
        func record(_ row: AlignmentRow) {
            guard recordRows else { return }
            if level == .subsection { context.rows.subsections.append(row) } else { context.rows.items.append(row) }
        }
        for p in pairs {
            let o = ou[p.old]
            let n = nu[p.new]
            let oldRef = ov.ref(o.node)
            let newRef = nv.ref(n.node)
            oldDone[p.old] = true
            newDone[p.new] = true
            context.map(o.node, n.node)
            record(
                Aligner.row(
                    level, old: [oldRef], new: [newRef], similarity: p.score, modified: o.exactHash != n.exactHash,
                    renumbered: ov.nodes.number(at: o.node) != nv.nodes.number(at: n.node), moved: !p.inOrder))
            if level == .subsection {
                context.textPairs.append(TextPair(old: o, new: n, oldRef: oldRef, newRef: newRef))
                alignChildren(
                    of: CollectionOfOne(o.node), CollectionOfOne(n.node), level: .item, &context, recordRows: recordRows)
            }
        }
        if level == .subsection && recordRows {
            // Decided after every § has been seen: the stk. may have moved to another §.
            leftovers.old += ou.enumerated().filter { !oldDone[$0.offset] }.map(\.element)
            leftovers.new += nu.enumerated().filter { !newDone[$0.offset] }.map(\.element)
        } else {
            for (i, o) in ou.enumerated() where !oldDone[i] {
                record(Aligner.single(level, .removed, old: ov.ref(o.node)))
            }
            for (j, n) in nu.enumerated() where !newDone[j] {
                record(Aligner.single(level, .added, new: nv.ref(n.node)))
            }
        }
    }

    /// Stage 6: subsections that found no partner inside their pair of §§ may have moved to another §: the
    /// leftovers of all pairs are compared with each other, with the bar for moves.
    func alignMovedSubsections(_ context: inout Context) {
        let ov = oldVersion
        let nv = newVersion
        var lo = leftovers.old
        var ln = leftovers.new
        for k in lo.indices { lo[k].index = k }
        for k in ln.indices { ln[k].index = k }
        var cross = Matcher(idf: context.idf)
        cross.orderedThreshold = cross.movedThreshold
        var oldDone = [Bool](repeating: false, count: lo.count)
        var newDone = [Bool](repeating: false, count: ln.count)
        for p in cross.match(lo, ln) {
            let o = lo[p.old]
            let n = ln[p.new]
            let oldRef = ov.ref(o.node)
            let newRef = nv.ref(n.node)
            oldDone[p.old] = true
            newDone[p.new] = true
            context.map(o.node, n.node)
            context.rows.subsections.append(
                Aligner.row(
                    .subsection, old: [oldRef], new: [newRef], similarity: p.score,
                    modified: o.exactHash != n.exactHash,
                    renumbered: ov.nodes.number(at: o.node) != nv.nodes.number(at: n.node), moved: true))
            context.textPairs.append(TextPair(old: o, new: n, oldRef: oldRef, newRef: newRef))
            alignChildren(of: CollectionOfOne(o.node), CollectionOfOne(n.node), level: .item, &context)
        }
        for (k, o) in lo.enumerated() where !oldDone[k] {
            context.rows.subsections.append(Aligner.single(.subsection, .removed, old: ov.ref(o.node)))
        }
        for (k, n) in ln.enumerated() where !newDone[k] {
            context.rows.subsections.append(Aligner.single(.subsection, .added, new: nv.ref(n.node)))
        }
    }

    /// The units among `units` (in document order) whose nodes lie in the subtree of `node` of `v`.
    static func units(_ units: [Unit], inside node: Int, of v: FlatVersion) -> ArraySlice<Unit> {
        var lo = 0
        var hi = units.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if units[mid].node <= node { lo = mid + 1 } else { hi = mid }
        }
        let end = v.nodes.subtreeEnd(of: node)
        var upper = lo
        while upper < units.count && units[upper].node < end { upper += 1 }
        return units[lo..<upper]
    }
}
