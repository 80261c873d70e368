import Paragraf

/// A pair of aligned leaf-level provisions (subsections, annex blocks) whose words are compared.
///
/// Only the nodes and token runs of the two units are kept: their bags serve alignment alone, and the
/// pairs live until the diff is built.
struct TextPair {
    /// The old node (an index into the old ``FlatVersion/nodes``).
    var oldNode: Int
    /// The new node.
    var newNode: Int
    /// The old provision's tokens (``Unit/tokens``).
    var oldTokens: Range<Int>
    /// The new provision's tokens.
    var newTokens: Range<Int>
    var oldRef: ProvisionRef
    var newRef: ProvisionRef

    init(old: Unit, new: Unit, oldRef: ProvisionRef, newRef: ProvisionRef) {
        oldNode = old.node
        newNode = new.node
        oldTokens = old.tokens
        newTokens = new.tokens
        self.oldRef = oldRef
        self.newRef = newRef
    }
}

/// What the aligner hands to change classification and reports.
struct AlignmentResult {
    var alignment: Alignment
    /// Aligned subsections, annex blocks and the preamble, for word-level comparison.
    var textPairs: [TextPair]
    /// Old node id → new node id, every level.
    var oldToNew: NodeMap
    /// New node id → old node id, every level.
    var newToOld: NodeMap
    /// The flattened old version (nodes, tokens) that units and token ranges index.
    var old: FlatVersion
    /// The flattened new version.
    var new: FlatVersion
}

/// The ids of one version's nodes mapped to the ids of the other's: what a `[String: String]` of ids holds
/// when each aligned pair sets `map[a.id] = b.id`, kept by nodes, so that no id is hashed or stored per pair.
///
/// An id is kept at its canonical node (``FlatVersion/canonical(_:)``, the node ``FlatVersion/node(_:)``
/// finds for it), so a later pair with the same id replaces an earlier one, as in a dictionary.
final class NodeMap {
    /// The version whose ids are mapped, and the version they are mapped to.
    let from: FlatVersion
    let to: FlatVersion
    /// Per canonical node of `from`, the node of `to` whose id its id maps to; -1 for none.
    @exclusivity(unchecked) private var targets: [Int32]

    /// An empty map from the ids of `from` to those of `to`.
    init(from: FlatVersion, to: FlatVersion) {
        self.from = from
        self.to = to
        targets = [Int32](repeating: -1, count: from.nodes.count)
    }

    /// Maps the id of node `a` of `from` to the id of node `b` of `to`.
    func set(_ a: Int, to b: Int) { targets[from.canonical(a)] = Int32(b) }

    /// The id that `id` maps to, nil when it is no mapped id of `from`.
    subscript(id: NodeID) -> NodeID? {
        guard let k = from.node(id) else { return nil }
        let t = Int(targets[k])
        return t >= 0 ? to.nodes[t].id : nil
    }

    /// Whether the id of canonical node `k` of `from` is mapped.
    func maps(canonical k: Int) -> Bool { targets[k] >= 0 }

    /// The id `id` maps to, or else the id its nearest mapped ancestor maps to with the rest of `id` after it
    /// ("p17/stk3/pkt2" → "p21/stk3/pkt2"); nil when no ancestor is mapped.
    func throughAncestors(_ id: NodeID) -> NodeID? {
        if let direct = self[id] { return direct }
        var suffix: [NodeID.Component] = []
        var current = id
        while let parent = current.parent {
            suffix.insert(current.last, at: 0)
            current = parent
            if let mapped = self[current] {
                return suffix.reduce(mapped) { $0.appending($1.step, occurrence: $1.occurrence) }
            }
        }
        return nil
    }
}

/// Aligns two parsed versions of a regulation: chapters, sections, subsections and items.
struct Aligner {
    let old: ParsedDocument
    let new: ParsedDocument
    let oldVersion: FlatVersion
    let newVersion: FlatVersion
    /// Subsections left unpaired inside their pair of §§, looked at again across §§ at the end.
    let leftovers = Leftovers()

    final class Leftovers {
        var old: [Unit] = []
        var new: [Unit] = []
    }

    init(old: ParsedDocument, new: ParsedDocument) {
        self.old = old
        self.new = new
        let symbols = Symbols()
        oldVersion = FlatVersion(old, symbols: symbols)
        newVersion = FlatVersion(new, symbols: symbols)
    }

    func align() -> AlignmentResult {
        let ov = oldVersion, nv = newVersion
        let oldBuilder = UnitBuilder(ov)
        let newBuilder = UnitBuilder(nv)
        let oldSections = ov.all(.section)
        let newSections = nv.all(.section)
        var oldUnits = oldSections.enumerated().map { oldBuilder.unit($1, index: $0) }
        var newUnits = newSections.enumerated().map { newBuilder.unit($1, index: $0) }
        let idf = IDF([oldUnits, newUnits])
        for i in oldUnits.indices { oldUnits[i].weight = idf.totalWeight(oldUnits[i]) }
        for i in newUnits.indices { newUnits[i].weight = idf.totalWeight(newUnits[i]) }
        // One scorer serves every matcher of the section weights (its table is as wide as the keys).
        let scorer = IDF.Scorer(idf)
        let matcher = Matcher(idf: idf, scorer: scorer)
        var pairs = matcher.match(oldUnits, newUnits)

        // Chapters: each old chapter goes to the new chapter that received most of its sections (by score),
        // when that choice is mutual; titles decide for chapters without matched sections.
        let oldChapters = ov.all(.chapter)
        let newChapters = nv.all(.chapter)
        var votes: [NodeID: [NodeID: Double]] = [:]
        for p in pairs {
            guard let oc = ov.chapterID(oldUnits[p.old].node), let nc = nv.chapterID(newUnits[p.new].node)
            else { continue }
            votes[oc, default: [:]][nc, default: 0] += p.score
        }
        var reverseVotes: [NodeID: [NodeID: Double]] = [:]
        for (oc, row) in votes { for (nc, w) in row { reverseVotes[nc, default: [:]][oc, default: 0] += w } }
        func top(_ row: [NodeID: Double]?) -> NodeID? {
            row?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        var chapterPairs: [(Int, Int, Double)] = []
        var chapterOldToNew: [NodeID: NodeID] = [:]
        let newChapterPosition = Dictionary(uniqueKeysWithValues: newChapters.enumerated().map { (nv.nodes[$1].id, $0) })
        for (i, oc) in oldChapters.enumerated() {
            let ocID = ov.nodes[oc].id
            guard let nc = top(votes[ocID]), top(reverseVotes[nc]) == ocID, let j = newChapterPosition[nc] else {
                continue
            }
            chapterPairs.append((i, j, votes[ocID]?[nc] ?? 0))
            chapterOldToNew[ocID] = nc
        }
        // Titles for the rest (a chapter whose sections all changed beyond recognition).
        var oldTitleUnits = oldChapters.enumerated().map { oldBuilder.titleUnit($1, index: $0) }
        var newTitleUnits = newChapters.enumerated().map { newBuilder.titleUnit($1, index: $0) }
        let titleIDF = IDF([oldTitleUnits, newTitleUnits])
        for i in oldTitleUnits.indices { oldTitleUnits[i].weight = titleIDF.totalWeight(oldTitleUnits[i]) }
        for i in newTitleUnits.indices { newTitleUnits[i].weight = titleIDF.totalWeight(newTitleUnits[i]) }
        // The new chapters still free, one per distinct title bag: the scores depend on the bag alone, and
        // the first chapter of a bag wins a tie as it would one by one. An act whose chapters repeat their
        // titles (the synthetic ×1000 has 10 000 chapters, ten titles) then costs old chapters × titles, not
        // old chapters × new chapters.
        var newTaken = [Bool](repeating: false, count: newChapters.count)
        for pair in chapterPairs { newTaken[pair.1] = true }
        var titleCandidates: [Int] = []
        var seenBags = Set<[Int]>()
        for j in newChapters.indices where !newTaken[j] {
            if seenBags.insert(newTitleUnits[j].bag.flatMap { [$0.key, $0.count] }).inserted { titleCandidates.append(j) }
        }
        for (i, oc) in oldChapters.enumerated() where chapterOldToNew[ov.nodes[oc].id] == nil {
            var best: (Int, Double)?
            for j in titleCandidates {
                // One title may extend the other ("… tandskader" → "… tandskader og tandskader som følge af …").
                let s = max(
                    titleIDF.similarity(oldTitleUnits[i], newTitleUnits[j]),
                    min(
                        titleIDF.containment(of: oldTitleUnits[i], in: newTitleUnits[j]),
                        titleIDF.containment(of: newTitleUnits[j], in: oldTitleUnits[i]) + 0.4))
                if s >= 0.8, s > (best?.1 ?? 0) { best = (j, s) }
            }
            if let (j, s) = best, !newTaken[j] {
                newTaken[j] = true
                chapterPairs.append((i, j, s))
                chapterOldToNew[ov.nodes[oc].id] = nv.nodes[newChapters[j]].id
            }
        }
        chapterPairs.sort { $0.0 < $1.0 }

        // Sections left over inside a pair of chapters are compared again with the chapter as context:
        // the candidates are few and already related, so a lower bar is safe.
        do {
            var oldTaken = Set(pairs.map(\.old)), newTaken = Set(pairs.map(\.new))
            var scoped = Matcher(idf: idf, scorer: scorer)
            scoped.orderedThreshold = 0.3
            scoped.movedThreshold = 0.5
            var oldLeft: [NodeID: [Unit]] = [:], newLeft: [NodeID: [Unit]] = [:]
            for u in oldUnits where !oldTaken.contains(u.index) {
                if let c = ov.chapterID(u.node) { oldLeft[c, default: []].append(u) }
            }
            for u in newUnits where !newTaken.contains(u.index) {
                if let c = nv.chapterID(u.node) { newLeft[c, default: []].append(u) }
            }
            for (i, j, _) in chapterPairs {
                let ol = oldLeft[ov.nodes[oldChapters[i]].id] ?? [], nl = newLeft[nv.nodes[newChapters[j]].id] ?? []
                if ol.isEmpty || nl.isEmpty { continue }
                let local = scoped.match(
                    ol.enumerated().map { var u = $1; u.index = $0; return u },
                    nl.enumerated().map { var u = $1; u.index = $0; return u })
                for p in local {
                    let gi = ol[p.old].index, gj = nl[p.new].index
                    pairs.append(Matcher.Pair(old: gi, new: gj, score: p.score, inOrder: true))
                    oldTaken.insert(gi)
                    newTaken.insert(gj)
                }
            }
            pairs.sort { $0.old < $1.old }
        }
        let chapterChain = Matcher.heaviestChain(chapterPairs.map { ($0.1, $0.2) })

        var rows = Alignment(chapters: [], sections: [], subsections: [], items: [])
        var context = Context(
            idf: idf, scorer: scorer, oldBuilder: oldBuilder, newBuilder: newBuilder,
            oldToNew: NodeMap(from: ov, to: nv), newToOld: NodeMap(from: nv, to: ov))

        // Chapter rows.
        var oldChapterDone = Set<Int>(), newChapterDone = Set<Int>()
        for (n, (i, j, _)) in chapterPairs.enumerated() {
            let oc = oldChapters[i], nc = newChapters[j]
            // The same keys in the same order is what equal exact hashes of the two units say; only a
            // modified chapter needs its bag, for the similarity.
            ov.finalizeUnit(oc)
            nv.finalizeUnit(nc)
            let sameContent = ov.sameKeys(oc, as: nc, in: nv)
            let titleSame = ov.nodes[oc].title == nv.nodes[nc].title
            let renumbered = ov.nodes[oc].number != nv.nodes[nc].number
            let moved = !chapterChain[n]
            let modified = !(sameContent && titleSame)
            var similarity = 1.0
            if modified {
                // The chapters' §§ have their bags already: they are added up, not read again.
                var ocu = oldBuilder.unit(oc, index: i, parts: Aligner.units(oldUnits, inside: oc, of: ov))
                var ncu = newBuilder.unit(nc, index: j, parts: Aligner.units(newUnits, inside: nc, of: nv))
                ocu.weight = idf.totalWeight(ocu)
                ncu.weight = idf.totalWeight(ncu)
                similarity = idf.similarity(ocu, ncu)
            }
            rows.chapters.append(
                Aligner.row(
                    .chapter, old: [ov.ref(oc)], new: [nv.ref(nc)], similarity: similarity, modified: modified,
                    renumbered: renumbered, moved: moved))
            oldChapterDone.insert(i)
            newChapterDone.insert(j)
            context.map(oc, nc)
        }
        for (i, oc) in oldChapters.enumerated() where !oldChapterDone.contains(i) {
            rows.chapters.append(Aligner.single(.chapter, .removed, old: ov.ref(oc)))
        }
        for (j, nc) in newChapters.enumerated() where !newChapterDone.contains(j) {
            rows.chapters.append(Aligner.single(.chapter, .added, new: nv.ref(nc)))
        }
        rows.chapters = Aligner.ordered(rows.chapters)

        // Section rows, with splits and merges among the leftovers.
        var oldPaired = [Int?](repeating: nil, count: oldUnits.count)
        var newPaired = [Int?](repeating: nil, count: newUnits.count)
        for p in pairs {
            oldPaired[p.old] = p.new
            newPaired[p.new] = p.old
        }
        var extraNew: [Int: [Int]] = [:]  // old index → additional new indices (split)
        var extraOld: [Int: [Int]] = [:]  // new index → additional old indices (merge)
        for j in newUnits.indices where newPaired[j] == nil {
            for neighbour in [j - 1, j + 1] where newUnits.indices.contains(neighbour) {
                guard let i = newPaired[neighbour], extraOld[neighbour] == nil else { continue }
                let alone = idf.containment(of: oldUnits[i], in: newUnits[neighbour])
                let piece = idf.containment(of: newUnits[j], in: oldUnits[i])
                if piece >= 0.75 && alone < 0.85 {
                    extraNew[i, default: []].append(j)
                    newPaired[j] = i
                    break
                }
            }
        }
        for i in oldUnits.indices where oldPaired[i] == nil {
            for neighbour in [i - 1, i + 1] where oldUnits.indices.contains(neighbour) {
                guard let j = oldPaired[neighbour], extraNew[neighbour] == nil else { continue }
                let alone = idf.containment(of: newUnits[j], in: oldUnits[neighbour])
                let piece = idf.containment(of: oldUnits[i], in: newUnits[j])
                if piece >= 0.75 && alone < 0.85 {
                    extraOld[j, default: []].append(i)
                    oldPaired[i] = j
                    break
                }
            }
        }
        for p in pairs {
            let ou = oldUnits[p.old], nu = newUnits[p.new]
            let oldRef = ov.ref(ou.node), newRef = nv.ref(nu.node)
            context.map(ou.node, nu.node)
            let chapterMoved: Bool = {
                guard let oc = ov.chapterID(ou.node) else { return false }
                return chapterOldToNew[oc] != nv.chapterID(nu.node)
            }()
            let splitInto = (extraNew[p.old] ?? []).map { newUnits[$0] }
            let mergedFrom = (extraOld[p.new] ?? []).map { oldUnits[$0] }
            var row = Aligner.row(
                .section, old: [oldRef] + mergedFrom.map { ov.ref($0.node) },
                new: [newRef] + splitInto.map { nv.ref($0.node) },
                similarity: p.score, modified: ou.exactHash != nu.exactHash,
                renumbered: ov.nodes[ou.node].number != nv.nodes[nu.node].number, moved: !p.inOrder || chapterMoved)
            if !splitInto.isEmpty { row.status = .split }
            if !mergedFrom.isEmpty { row.status = .merged }
            rows.sections.append(row)
            // A split or merge aligns the stk. of all its §§ together, so a stk. that moved into the new §
            // is found there.
            alignChildren(
                of: CollectionOfOne(ou.node) + mergedFrom.map(\.node), CollectionOfOne(nu.node) + splitInto.map(\.node),
                level: .subsection, &context)
        }
        // Subsections that found no partner inside their pair of §§ may have moved to another §: compare the
        // leftovers of all pairs with each other, with the bar for moves.
        do {
            var lo = leftovers.old, ln = leftovers.new
            for k in lo.indices { lo[k].index = k }
            for k in ln.indices { ln[k].index = k }
            var cross = Matcher(idf: idf, scorer: scorer)
            cross.orderedThreshold = cross.movedThreshold
            var oldDone = [Bool](repeating: false, count: lo.count), newDone = [Bool](repeating: false, count: ln.count)
            for p in cross.match(lo, ln) {
                let o = lo[p.old], n = ln[p.new]
                let oldRef = ov.ref(o.node), newRef = nv.ref(n.node)
                oldDone[p.old] = true
                newDone[p.new] = true
                context.map(o.node, n.node)
                context.rows.subsections.append(
                    Aligner.row(
                        .subsection, old: [oldRef], new: [newRef], similarity: p.score,
                        modified: o.exactHash != n.exactHash,
                        renumbered: ov.nodes[o.node].number != nv.nodes[n.node].number, moved: true))
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
        for (i, u) in oldUnits.enumerated() where oldPaired[i] == nil {
            rows.sections.append(Aligner.single(.section, .removed, old: ov.ref(u.node)))
        }
        for (j, u) in newUnits.enumerated() where newPaired[j] == nil {
            rows.sections.append(Aligner.single(.section, .added, new: nv.ref(u.node)))
        }
        rows.sections = Aligner.ordered(rows.sections)

        // Annexes: paired by number, their blocks aligned like subsections.
        let oldAnnexes = ov.all(.annex), newAnnexList = nv.all(.annex)
        func annexKey(_ v: FlatVersion, _ a: Int) -> String { v.nodes[a].number ?? v.nodes[a].id.description }
        let newAnnexes = Dictionary(newAnnexList.map { (annexKey(nv, $0), $0) }, uniquingKeysWith: { a, _ in a })
        let pairedAnnexNumbers = Set(oldAnnexes.map { annexKey(ov, $0) })
        for annex in oldAnnexes {
            guard let other = newAnnexes[annexKey(ov, annex)] else {
                context.rows.annexes.append(Aligner.single(.annex, .removed, old: ov.ref(annex)))
                continue
            }
            context.map(annex, other)
            var au = oldBuilder.unit(annex, index: 0), bu = newBuilder.unit(other, index: 0)
            au.weight = idf.totalWeight(au)
            bu.weight = idf.totalWeight(bu)
            context.rows.annexes.append(
                Aligner.row(
                    .annex, old: [ov.ref(annex)], new: [nv.ref(other)],
                    similarity: idf.similarity(au, bu), modified: au.exactHash != bu.exactHash, renumbered: false,
                    moved: false))
            alignChildren(
                of: CollectionOfOne(annex), CollectionOfOne(other), level: .subsection, &context, recordRows: false)
        }
        // The preamble: its legal basis is compared word by word like a subsection.
        if let op = ov.children(ov.root).first(where: { ov.nodes[$0].kind == .preamble }),
            let np = nv.children(nv.root).first(where: { nv.nodes[$0].kind == .preamble })
        {
            var ou = oldBuilder.unit(op, index: 0, keepTokens: true), nu = newBuilder.unit(np, index: 0, keepTokens: true)
            ou.weight = idf.totalWeight(ou)
            nu.weight = idf.totalWeight(nu)
            let oldRef = ov.ref(op), newRef = nv.ref(np)
            context.rows.preamble.append(
                Aligner.row(
                    .preamble, old: [oldRef], new: [newRef], similarity: idf.similarity(ou, nu),
                    modified: ou.exactHash != nu.exactHash, renumbered: false, moved: false))
            context.textPairs.insert(TextPair(old: ou, new: nu, oldRef: oldRef, newRef: newRef), at: 0)
            context.map(op, np)
        }
        for annex in newAnnexList where !pairedAnnexNumbers.contains(annexKey(nv, annex)) {
            context.rows.annexes.append(Aligner.single(.annex, .added, new: nv.ref(annex)))
        }
        // Merge what the children's alignment collected.
        // Taken over from the context (still empty here): assigned, not appended row by row.
        rows.subsections = Aligner.ordered(context.rows.subsections)
        rows.items = Aligner.ordered(context.rows.items)
        rows.annexes = context.rows.annexes
        rows.preamble = context.rows.preamble
        ov.finalizeAll()
        nv.finalizeAll()
        return AlignmentResult(
            alignment: rows, textPairs: context.textPairs, oldToNew: context.oldToNew, newToOld: context.newToOld,
            old: ov, new: nv)
    }

    /// What aligning children accumulates.
    struct Context {
        let idf: IDF
        /// The scorer of `idf`'s weights, shared by the matchers of all levels.
        let scorer: IDF.Scorer
        let oldBuilder: UnitBuilder
        let newBuilder: UnitBuilder
        var rows = Alignment(chapters: [], sections: [], subsections: [], items: [])
        var textPairs: [TextPair] = []
        let oldToNew: NodeMap
        let newToOld: NodeMap

        /// Maps the id of old node `old` to the id of new node `new`, and back.
        func map(_ old: Int, _ new: Int) {
            oldToNew.set(old, to: new)
            newToOld.set(new, to: old)
        }
    }

    /// Aligns the subsections of two matched sections (or the items of two matched subsections), given
    /// the parents on each side (several after a merge or split).
    private func alignChildren(
        of oldParents: some Collection<Int>, _ newParents: some Collection<Int>, level: AlignmentLevel,
        _ context: inout Context, recordRows: Bool = true
    ) {
        let ov = oldVersion, nv = newVersion
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
        var matcher = Matcher(idf: idf, scorer: context.scorer)
        // Inside one matched parent a lower bar is safe: the candidates are few and already related.
        matcher.orderedThreshold = 0.3
        // A single child on each side is the same provision, whatever happened to its words.
        let pairs: [Matcher.Pair] =
            ou.count == 1 && nu.count == 1
            ? [Matcher.Pair(old: 0, new: 0, score: idf.similarity(ou[0], nu[0]), inOrder: true)]
            : matcher.match(ou, nu)
        var oldDone = [Bool](filled: false, count: ou.count), newDone = [Bool](filled: false, count: nu.count)
        /// Appends a row of this level to the context's rows, straight away (the nested calls record items
        /// only, so the subsection rows keep their order), unless rows are not recorded.
        func record(_ row: AlignmentRow) {
            guard recordRows else { return }
            if level == .subsection { context.rows.subsections.append(row) } else { context.rows.items.append(row) }
        }
        for p in pairs {
            let o = ou[p.old], n = nu[p.new]
            let oldRef = ov.ref(o.node), newRef = nv.ref(n.node)
            oldDone[p.old] = true
            newDone[p.new] = true
            context.map(o.node, n.node)
            record(
                Aligner.row(
                    level, old: [oldRef], new: [newRef], similarity: p.score, modified: o.exactHash != n.exactHash,
                    renumbered: ov.nodes[o.node].number != nv.nodes[n.node].number, moved: !p.inOrder))
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

    // MARK: Helpers

    /// The units among `units` (in document order) whose nodes lie in the subtree of `node` of `v`.
    static func units(_ units: [Unit], inside node: Int, of v: FlatVersion) -> ArraySlice<Unit> {
        var lo = 0, hi = units.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if units[mid].node <= node { lo = mid + 1 } else { hi = mid }
        }
        let end = Int(v.nodes[node].end)
        var upper = lo
        while upper < units.count && units[upper].node < end { upper += 1 }
        return units[lo..<upper]
    }

    static func row(
        _ level: AlignmentLevel, old: [ProvisionRef], new: [ProvisionRef], similarity: Double, modified: Bool,
        renumbered: Bool, moved: Bool
    ) -> AlignmentRow {
        let status: AlignmentStatus =
            moved ? .moved : renumbered ? .renumbered : modified ? .modified : .unchanged
        return AlignmentRow(
            level: level, status: status, old: old, new: new,
            similarity: modified ? min(0.99, (similarity * 100).rounded() / 100) : 1,
            isModified: modified, isRenumbered: renumbered, isMoved: moved)
    }

    static func single(
        _ level: AlignmentLevel, _ status: AlignmentStatus, old: ProvisionRef? = nil, new: ProvisionRef? = nil
    ) -> AlignmentRow {
        AlignmentRow(
            level: level, status: status, old: old.map { [$0] } ?? [], new: new.map { [$0] } ?? [], similarity: 0,
            isModified: false, isRenumbered: false, isMoved: false)
    }

    /// Rows in reading order of the new version; a removed row follows the row of its old predecessor.
    /// - Complexity: O(n log n).
    static func ordered(_ rows: [AlignmentRow]) -> [AlignmentRow] {
        /// A row's sort key (new offset, then old offset, -1 without one) and its index in `rows`, read once
        /// per row: comparing rows themselves copies their first references, strings and all, per comparison.
        /// Sorting the keys with the same comparisons moves them as the rows were moved.
        struct Key {
            var new: Int
            var old: Int
            var row: Int
        }
        var kept: [Key] = [], oldSorted: [Key] = []
        kept.reserveCapacity(rows.count)
        oldSorted.reserveCapacity(rows.count)
        var anyRemoved = false
        for k in rows.indices {
            let oldStart = rows[k].old.isEmpty ? nil : rows[k].old[0].range.start.offset
            if rows[k].new.isEmpty {
                anyRemoved = true
            } else {
                kept.append(Key(new: rows[k].new[0].range.start.offset, old: oldStart ?? -1, row: k))
            }
            if let oldStart { oldSorted.append(Key(new: 0, old: oldStart, row: k)) }
        }
        kept.sort { $0.new != $1.new ? $0.new < $1.new : $0.old < $1.old }
        if !anyRemoved { return kept.map { rows[$0.row] } }
        // Old rows in old order, to find each removed row's nearest kept predecessor.
        oldSorted.sort { $0.old < $1.old }
        var keptPosition: [Int: Int] = [:]  // old offset → index in kept
        for (k, key) in kept.enumerated() {
            let old = rows[key.row].old
            for o in old.indices { keptPosition[old[o].range.start.offset] = k }
        }
        var after: [Int: [Int]] = [:]  // kept index (-1 = before all) → removed rows
        var lastKept = -1
        for key in oldSorted {
            if rows[key.row].new.isEmpty {
                after[lastKept, default: []].append(key.row)
            } else if let k = keptPosition[key.old] {
                lastKept = k
            }
        }
        var result: [AlignmentRow] = []
        result.reserveCapacity(rows.count)
        for r in after[-1] ?? [] { result.append(rows[r]) }
        for (k, key) in kept.enumerated() {
            result.append(rows[key.row])
            for r in after[k] ?? [] { result.append(rows[r]) }
        }
        return result
    }

    /// "§ 17, stk. 3", "kapitel 4", "bilag 1, afsnit 3".
    static func citation(of node: Node) -> String { citation(kind: node.kind, id: node.id, number: node.number) }

    /// The citation of a node given its kind, id and number.
    static func citation(kind: NodeKind, id: NodeID, number: String?) -> String {
        switch kind {
        case .chapter: return "kapitel \(number ?? "")"
        case .annex: return "bilag \(number ?? "")"
        case .block:
            let annex = if case .annex(let n) = id.topLevel.last.step { n } else { "" }
            return "bilag \(annex), afsnit \(number ?? "")"
        default:
            return addressDescription(id) ?? id.description
        }
    }

    /// `Address(id: id)?.description`.
    static func addressDescription(_ id: NodeID) -> String? { Address(id: id)?.description }

    /// A chapter's title, or the first words of a provision.
    static func caption(of node: Node) -> String {
        if let title = node.title { return title }
        // Only the first leaves are read: a caption must not cost the size of the provision.
        var words: [Substring] = []
        func collect(_ n: Node) {
            if words.count > 8 { return }
            if let text = n.text {
                words += text.split(separator: " ", maxSplits: 9 - words.count, omittingEmptySubsequences: true)
            }
            for child in n.children where words.count <= 8 { collect(child) }
        }
        collect(node)
        let head = words.prefix(8).joined(separator: " ")
        return words.count > 8 ? head + " …" : head
    }
}
