import Paragraf

/// A pair of aligned leaf-level provisions (subsections, annex blocks) whose words are compared.
struct TextPair {
    var old: Unit
    var new: Unit
    var oldRef: ProvisionRef
    var newRef: ProvisionRef
}

/// What the aligner hands to change classification and reports.
struct AlignmentResult {
    var alignment: Alignment
    /// Aligned subsections, annex blocks and the preamble, for word-level comparison.
    var textPairs: [TextPair]
    /// Old node id → new node id, every level.
    var oldToNew: [String: String]
    /// New node id → old node id, every level.
    var newToOld: [String: String]
    /// Token builders of both versions, with their caches.
    var oldBuilder: UnitBuilder
    var newBuilder: UnitBuilder
    /// The index of the old version.
    var oldIndex: NodeIndex
    /// The index of the new version.
    var newIndex: NodeIndex
}

/// Aligns two parsed versions of a regulation: chapters, sections, subsections and items.
struct Aligner {
    let old: ParsedDocument
    let new: ParsedDocument
    let interner = Interner()
    /// Subsections left unpaired inside their pair of §§, looked at again across §§ at the end.
    let leftovers = Leftovers()

    final class Leftovers {
        var old: [Unit] = []
        var new: [Unit] = []
    }

    func align() -> AlignmentResult {
        let oldBuilder = UnitBuilder(source: old.source, interner: interner)
        let newBuilder = UnitBuilder(source: new.source, interner: interner)
        let oldSections = old.document.sections
        let newSections = new.document.sections
        var oldUnits = oldSections.enumerated().map { oldBuilder.unit($1, index: $0) }
        var newUnits = newSections.enumerated().map { newBuilder.unit($1, index: $0) }
        let idf = IDF([oldUnits, newUnits])
        for i in oldUnits.indices { oldUnits[i].weight = idf.totalWeight(oldUnits[i]) }
        for i in newUnits.indices { newUnits[i].weight = idf.totalWeight(newUnits[i]) }
        let matcher = Matcher(idf: idf)
        var pairs = matcher.match(oldUnits, newUnits)

        let oldChapterOf = Aligner.chapterMap(old.document)
        let newChapterOf = Aligner.chapterMap(new.document)
        let oldIndex = old.document.index()
        let newIndex = new.document.index()

        // Chapters: each old chapter goes to the new chapter that received most of its sections (by score),
        // when that choice is mutual; titles decide for chapters without matched sections.
        let oldChapters = old.document.chapters
        let newChapters = new.document.chapters
        var votes: [String: [String: Double]] = [:]
        for p in pairs {
            guard let oc = oldChapterOf[oldUnits[p.old].node.id], let nc = newChapterOf[newUnits[p.new].node.id]
            else { continue }
            votes[oc, default: [:]][nc, default: 0] += p.score
        }
        var reverseVotes: [String: [String: Double]] = [:]
        for (oc, row) in votes { for (nc, w) in row { reverseVotes[nc, default: [:]][oc, default: 0] += w } }
        func top(_ row: [String: Double]?) -> String? {
            row?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        var chapterPairs: [(Int, Int, Double)] = []
        var chapterOldToNew: [String: String] = [:]
        let newChapterPosition = Dictionary(uniqueKeysWithValues: newChapters.enumerated().map { ($1.id, $0) })
        for (i, oc) in oldChapters.enumerated() {
            guard let nc = top(votes[oc.id]), top(reverseVotes[nc]) == oc.id, let j = newChapterPosition[nc] else {
                continue
            }
            chapterPairs.append((i, j, votes[oc.id]?[nc] ?? 0))
            chapterOldToNew[oc.id] = nc
        }
        // Titles for the rest (a chapter whose sections all changed beyond recognition).
        var oldTitleUnits = oldChapters.enumerated().map { oldBuilder.unit(Aligner.titleOnly($1), index: $0) }
        var newTitleUnits = newChapters.enumerated().map { newBuilder.unit(Aligner.titleOnly($1), index: $0) }
        let titleIDF = IDF([oldTitleUnits, newTitleUnits])
        for i in oldTitleUnits.indices { oldTitleUnits[i].weight = titleIDF.totalWeight(oldTitleUnits[i]) }
        for i in newTitleUnits.indices { newTitleUnits[i].weight = titleIDF.totalWeight(newTitleUnits[i]) }
        let pairedNewChapters = Set(chapterPairs.map(\.1))
        for (i, oc) in oldChapters.enumerated() where chapterOldToNew[oc.id] == nil {
            var best: (Int, Double)?
            for j in newChapters.indices where !pairedNewChapters.contains(j) {
                // One title may extend the other ("… tandskader" → "… tandskader og tandskader som følge af …").
                let s = max(
                    titleIDF.similarity(oldTitleUnits[i], newTitleUnits[j]),
                    min(
                        titleIDF.containment(of: oldTitleUnits[i], in: newTitleUnits[j]),
                        titleIDF.containment(of: newTitleUnits[j], in: oldTitleUnits[i]) + 0.4))
                if s >= 0.8, s > (best?.1 ?? 0) { best = (j, s) }
            }
            if let (j, s) = best, !chapterPairs.contains(where: { $0.1 == j }) {
                chapterPairs.append((i, j, s))
                chapterOldToNew[oc.id] = newChapters[j].id
            }
        }
        chapterPairs.sort { $0.0 < $1.0 }

        // Sections left over inside a pair of chapters are compared again with the chapter as context:
        // the candidates are few and already related, so a lower bar is safe.
        do {
            var oldTaken = Set(pairs.map(\.old)), newTaken = Set(pairs.map(\.new))
            var scoped = Matcher(idf: idf)
            scoped.orderedThreshold = 0.3
            scoped.movedThreshold = 0.5
            var oldLeft: [String: [Unit]] = [:], newLeft: [String: [Unit]] = [:]
            for u in oldUnits where !oldTaken.contains(u.index) {
                if let c = oldChapterOf[u.node.id] { oldLeft[c, default: []].append(u) }
            }
            for u in newUnits where !newTaken.contains(u.index) {
                if let c = newChapterOf[u.node.id] { newLeft[c, default: []].append(u) }
            }
            for (i, j, _) in chapterPairs {
                let ol = oldLeft[oldChapters[i].id] ?? [], nl = newLeft[newChapters[j].id] ?? []
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
        var oldToNew: [String: String] = [:]
        var newToOld: [String: String] = [:]

        // Chapter rows.
        var oldChapterDone = Set<Int>(), newChapterDone = Set<Int>()
        for (n, (i, j, _)) in chapterPairs.enumerated() {
            let oc = oldChapters[i], nc = newChapters[j]
            var ocu = oldBuilder.unit(oc, index: i), ncu = newBuilder.unit(nc, index: j)
            ocu.weight = idf.totalWeight(ocu)
            ncu.weight = idf.totalWeight(ncu)
            let sameContent = ocu.exactHash == ncu.exactHash
            let titleSame = oc.title == nc.title
            let renumbered = oc.number != nc.number
            let moved = !chapterChain.contains(n)
            rows.chapters.append(
                Aligner.row(
                    .chapter, old: [ref(oc, oldIndex, oldChapterOf)], new: [ref(nc, newIndex, newChapterOf)],
                    similarity: idf.similarity(ocu, ncu),
                    modified: !(sameContent && titleSame), renumbered: renumbered, moved: moved))
            oldChapterDone.insert(i)
            newChapterDone.insert(j)
            oldToNew[oc.id] = nc.id
            newToOld[nc.id] = oc.id
        }
        for (i, oc) in oldChapters.enumerated() where !oldChapterDone.contains(i) {
            rows.chapters.append(Aligner.single(.chapter, .removed, old: ref(oc, oldIndex, oldChapterOf)))
        }
        for (j, nc) in newChapters.enumerated() where !newChapterDone.contains(j) {
            rows.chapters.append(Aligner.single(.chapter, .added, new: ref(nc, newIndex, newChapterOf)))
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
        var textPairs: [TextPair] = []
        for p in pairs {
            let ou = oldUnits[p.old], nu = newUnits[p.new]
            let oldRef = ref(ou.node, oldIndex, oldChapterOf), newRef = ref(nu.node, newIndex, newChapterOf)
            oldToNew[ou.node.id] = nu.node.id
            newToOld[nu.node.id] = ou.node.id
            let chapterMoved: Bool = {
                guard let oc = oldChapterOf[ou.node.id] else { return false }
                return chapterOldToNew[oc] != newChapterOf[nu.node.id]
            }()
            let splitInto = (extraNew[p.old] ?? []).map { newUnits[$0] }
            let mergedFrom = (extraOld[p.new] ?? []).map { oldUnits[$0] }
            var row = Aligner.row(
                .section, old: [oldRef] + mergedFrom.map { ref($0.node, oldIndex, oldChapterOf) },
                new: [newRef] + splitInto.map { ref($0.node, newIndex, newChapterOf) },
                similarity: p.score, modified: ou.exactHash != nu.exactHash,
                renumbered: ou.node.number != nu.node.number, moved: !p.inOrder || chapterMoved)
            if !splitInto.isEmpty { row.status = .split }
            if !mergedFrom.isEmpty { row.status = .merged }
            rows.sections.append(row)
            // A split or merge aligns the stk. of all its §§ together, so a stk. that moved into the new §
            // is found there.
            var oldParent = ou.node, newParent = nu.node
            if !mergedFrom.isEmpty { oldParent.children = ([ou] + mergedFrom).flatMap(\.node.children) }
            if !splitInto.isEmpty { newParent.children = ([nu] + splitInto).flatMap(\.node.children) }
            alignChildren(
                oldParent, newParent, level: .subsection, idf: idf, oldBuilder: oldBuilder, newBuilder: newBuilder,
                oldIndex: oldIndex, newIndex: newIndex, oldChapterOf: oldChapterOf, newChapterOf: newChapterOf,
                rows: &rows, textPairs: &textPairs, oldToNew: &oldToNew, newToOld: &newToOld)
        }
        // Subsections that found no partner inside their pair of §§ may have moved to another §: compare the
        // leftovers of all pairs with each other, with the bar for moves.
        do {
            var lo = leftovers.old, ln = leftovers.new
            for k in lo.indices { lo[k].index = k }
            for k in ln.indices { ln[k].index = k }
            var cross = Matcher(idf: idf)
            cross.orderedThreshold = cross.movedThreshold
            var oldDone = Set<Int>(), newDone = Set<Int>()
            for p in cross.match(lo, ln) {
                let o = lo[p.old], n = ln[p.new]
                let oldRef = ref(o.node, oldIndex, oldChapterOf), newRef = ref(n.node, newIndex, newChapterOf)
                oldDone.insert(p.old)
                newDone.insert(p.new)
                oldToNew[o.node.id] = n.node.id
                newToOld[n.node.id] = o.node.id
                rows.subsections.append(
                    Aligner.row(
                        .subsection, old: [oldRef], new: [newRef], similarity: p.score,
                        modified: o.exactHash != n.exactHash, renumbered: o.node.number != n.node.number, moved: true))
                textPairs.append(TextPair(old: o, new: n, oldRef: oldRef, newRef: newRef))
                alignChildren(
                    o.node, n.node, level: .item, idf: idf, oldBuilder: oldBuilder, newBuilder: newBuilder,
                    oldIndex: oldIndex, newIndex: newIndex, oldChapterOf: oldChapterOf, newChapterOf: newChapterOf,
                    rows: &rows, textPairs: &textPairs, oldToNew: &oldToNew, newToOld: &newToOld)
            }
            for (k, o) in lo.enumerated() where !oldDone.contains(k) {
                rows.subsections.append(Aligner.single(.subsection, .removed, old: ref(o.node, oldIndex, oldChapterOf)))
            }
            for (k, n) in ln.enumerated() where !newDone.contains(k) {
                rows.subsections.append(Aligner.single(.subsection, .added, new: ref(n.node, newIndex, newChapterOf)))
            }
        }
        for (i, u) in oldUnits.enumerated() where oldPaired[i] == nil {
            rows.sections.append(Aligner.single(.section, .removed, old: ref(u.node, oldIndex, oldChapterOf)))
        }
        for (j, u) in newUnits.enumerated() where newPaired[j] == nil {
            rows.sections.append(Aligner.single(.section, .added, new: ref(u.node, newIndex, newChapterOf)))
        }
        rows.sections = Aligner.ordered(rows.sections)

        // Annexes: paired by number, their blocks aligned like subsections.
        let newAnnexes = Dictionary(new.document.annexes.map { ($0.number ?? $0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pairedAnnexNumbers = Set(old.document.annexes.map { $0.number ?? $0.id })
        for annex in old.document.annexes {
            guard let other = newAnnexes[annex.number ?? annex.id] else {
                rows.annexes.append(Aligner.single(.annex, .removed, old: ref(annex, oldIndex, oldChapterOf)))
                continue
            }
            oldToNew[annex.id] = other.id
            newToOld[other.id] = annex.id
            var au = oldBuilder.unit(annex, index: 0), bu = newBuilder.unit(other, index: 0)
            au.weight = idf.totalWeight(au)
            bu.weight = idf.totalWeight(bu)
            rows.annexes.append(
                Aligner.row(
                    .annex, old: [ref(annex, oldIndex, oldChapterOf)], new: [ref(other, newIndex, newChapterOf)],
                    similarity: idf.similarity(au, bu), modified: au.exactHash != bu.exactHash, renumbered: false,
                    moved: false))
            alignChildren(
                annex, other, level: .subsection, idf: idf, oldBuilder: oldBuilder, newBuilder: newBuilder,
                oldIndex: oldIndex, newIndex: newIndex, oldChapterOf: oldChapterOf, newChapterOf: newChapterOf,
                rows: &rows, textPairs: &textPairs, oldToNew: &oldToNew, newToOld: &newToOld, recordRows: false)
        }
        // The preamble: its legal basis is compared word by word like a subsection.
        if let op = old.document.root.children.first(where: { $0.kind == .preamble }),
            let np = new.document.root.children.first(where: { $0.kind == .preamble })
        {
            var ou = oldBuilder.unit(op, index: 0, keepTokens: true), nu = newBuilder.unit(np, index: 0, keepTokens: true)
            ou.weight = idf.totalWeight(ou)
            nu.weight = idf.totalWeight(nu)
            let oldRef = ref(op, oldIndex, oldChapterOf), newRef = ref(np, newIndex, newChapterOf)
            rows.preamble.append(
                Aligner.row(
                    .preamble, old: [oldRef], new: [newRef], similarity: idf.similarity(ou, nu),
                    modified: ou.exactHash != nu.exactHash, renumbered: false, moved: false))
            textPairs.insert(TextPair(old: ou, new: nu, oldRef: oldRef, newRef: newRef), at: 0)
            oldToNew[op.id] = np.id
            newToOld[np.id] = op.id
        }
        for annex in new.document.annexes where !pairedAnnexNumbers.contains(annex.number ?? annex.id) {
            rows.annexes.append(Aligner.single(.annex, .added, new: ref(annex, newIndex, newChapterOf)))
        }
        rows.subsections = Aligner.ordered(rows.subsections)
        rows.items = Aligner.ordered(rows.items)
        return AlignmentResult(
            alignment: rows, textPairs: textPairs, oldToNew: oldToNew,
            newToOld: newToOld, oldBuilder: oldBuilder, newBuilder: newBuilder, oldIndex: oldIndex, newIndex: newIndex)
    }

    /// Aligns the subsections of two matched sections (or the items of two matched subsections).
    private func alignChildren(
        _ oldNode: Node, _ newNode: Node, level: AlignmentLevel, idf: IDF, oldBuilder: UnitBuilder,
        newBuilder: UnitBuilder, oldIndex: NodeIndex, newIndex: NodeIndex, oldChapterOf: [String: String],
        newChapterOf: [String: String], rows: inout Alignment, textPairs: inout [TextPair],
        oldToNew: inout [String: String], newToOld: inout [String: String], recordRows: Bool = true
    ) {
        let kinds: Set<NodeKind> = level == .subsection ? [.subsection, .block] : [.item]
        let oldChildren = oldNode.children.filter { kinds.contains($0.kind) }
        let newChildren = newNode.children.filter { kinds.contains($0.kind) }
        if oldChildren.isEmpty && newChildren.isEmpty { return }
        let keep = level == .subsection
        var ou = oldChildren.enumerated().map { oldBuilder.unit($1, index: $0, keepTokens: keep) }
        var nu = newChildren.enumerated().map { newBuilder.unit($1, index: $0, keepTokens: keep) }
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
        var oldDone = Set<Int>(), newDone = Set<Int>()
        var levelRows: [AlignmentRow] = []
        for p in pairs {
            let o = ou[p.old], n = nu[p.new]
            let oldRef = ref(o.node, oldIndex, oldChapterOf), newRef = ref(n.node, newIndex, newChapterOf)
            oldDone.insert(p.old)
            newDone.insert(p.new)
            oldToNew[o.node.id] = n.node.id
            newToOld[n.node.id] = o.node.id
            levelRows.append(
                Aligner.row(
                    level, old: [oldRef], new: [newRef], similarity: p.score, modified: o.exactHash != n.exactHash,
                    renumbered: o.node.number != n.node.number, moved: !p.inOrder))
            if level == .subsection {
                textPairs.append(TextPair(old: o, new: n, oldRef: oldRef, newRef: newRef))
                alignChildren(
                    o.node, n.node, level: .item, idf: idf, oldBuilder: oldBuilder, newBuilder: newBuilder,
                    oldIndex: oldIndex, newIndex: newIndex, oldChapterOf: oldChapterOf, newChapterOf: newChapterOf,
                    rows: &rows, textPairs: &textPairs, oldToNew: &oldToNew, newToOld: &newToOld,
                    recordRows: recordRows)
            }
        }
        if level == .subsection && recordRows {
            // Decided after every § has been seen: the stk. may have moved to another §.
            leftovers.old += ou.enumerated().filter { !oldDone.contains($0.offset) }.map(\.element)
            leftovers.new += nu.enumerated().filter { !newDone.contains($0.offset) }.map(\.element)
        } else {
            for (i, o) in ou.enumerated() where !oldDone.contains(i) {
                levelRows.append(Aligner.single(level, .removed, old: ref(o.node, oldIndex, oldChapterOf)))
            }
            for (j, n) in nu.enumerated() where !newDone.contains(j) {
                levelRows.append(Aligner.single(level, .added, new: ref(n.node, newIndex, newChapterOf)))
            }
        }
        guard recordRows else { return }
        if level == .subsection { rows.subsections += levelRows } else { rows.items += levelRows }
    }

    // MARK: Helpers

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
        let kept = rows.filter { !$0.new.isEmpty }.sorted(by: rowOrder)
        let removed = rows.filter { $0.new.isEmpty }.sorted(by: rowOrder)
        if removed.isEmpty { return kept }
        // Old rows in old order, to find each removed row's nearest kept predecessor.
        let oldSorted = rows.filter { !$0.old.isEmpty }.sorted {
            ($0.old[0].range.start.offset) < ($1.old[0].range.start.offset)
        }
        var keptPosition: [Int: Int] = [:]  // old offset → index in kept
        for (k, row) in kept.enumerated() { for o in row.old { keptPosition[o.range.start.offset] = k } }
        var after: [Int: [AlignmentRow]] = [:]  // kept index (-1 = before all) → removed rows
        var lastKept = -1
        for row in oldSorted {
            if row.new.isEmpty {
                after[lastKept, default: []].append(row)
            } else if let k = keptPosition[row.old[0].range.start.offset] {
                lastKept = k
            }
        }
        var result = after[-1] ?? []
        for (k, row) in kept.enumerated() {
            result.append(row)
            result += after[k] ?? []
        }
        return result
    }

    /// Rows in reading order: by new position, removed rows where their old neighbours are.
    static func rowOrder(_ a: AlignmentRow, _ b: AlignmentRow) -> Bool {
        func key(_ r: AlignmentRow) -> (Int, Int) {
            if let n = r.new.first { return (n.range.start.offset, r.old.first?.range.start.offset ?? -1) }
            return (-1, r.old.first?.range.start.offset ?? 0)
        }
        let ka = key(a), kb = key(b)
        // Removed rows (no new side) sort by old position among themselves, after the added/kept ones
        // of the same level; reports regroup them anyway.
        if (ka.0 < 0) != (kb.0 < 0) { return ka.0 >= 0 }
        return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1 < kb.1
    }

    static func chapterMap(_ document: Document) -> [String: String] {
        var map: [String: String] = [:]
        for chapter in document.chapters { chapter.forEach { map[$0.id] = chapter.id } }
        return map
    }

    static func titleOnly(_ chapter: Node) -> Node {
        var node = chapter
        node.children = []
        return node
    }

    func ref(_ node: Node, _ index: NodeIndex, _ chapterOf: [String: String]) -> ProvisionRef {
        // Captions orient readers in tables of chapters and §§; finer levels are shown with their text.
        let captioned: Set<NodeKind> = [.chapter, .section, .annex, .part, .preamble]
        return ProvisionRef(
            id: node.id, citation: Aligner.citation(of: node), kind: node.kind, chapter: chapterOf[node.id],
            caption: captioned.contains(node.kind) ? Aligner.caption(of: node) : "", range: node.range)
    }

    /// "§ 17, stk. 3", "kapitel 4", "bilag 1, afsnit 3".
    static func citation(of node: Node) -> String {
        switch node.kind {
        case .chapter: return "kapitel \(node.number ?? "")"
        case .annex: return "bilag \(node.number ?? "")"
        case .block:
            let annex = node.id.split(separator: "/").first.map(String.init) ?? ""
            return "bilag \(annex.dropFirst(5)), afsnit \(node.number ?? "")"
        default:
            return Address(id: node.id)?.description ?? node.id
        }
    }

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
