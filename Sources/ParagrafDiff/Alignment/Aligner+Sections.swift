import Paragraf

extension Aligner {
    /// The §§ of both versions as units, the weights they are scored under, and how they were paired.
    struct SectionMatch {
        let oldBuilder: UnitBuilder
        let newBuilder: UnitBuilder
        /// The § units in document order (``Unit/index`` is the position).
        var oldUnits: [Unit]
        var newUnits: [Unit]
        /// The idf weights over the §§ of both versions; every level below is scored under them too.
        let idf: IDF
        /// The pairs of unit positions, by old position once ``Aligner/rematchInsideChapters(_:_:)`` ran.
        var pairs: [Matcher.Pair]
    }

    /// Stage 1: the §§ of both versions paired by content and order.
    func matchSections() -> SectionMatch {
        let oldBuilder = UnitBuilder(oldVersion)
        let newBuilder = UnitBuilder(newVersion)
        var oldUnits = oldVersion.nodes.rows(.section).enumerated().map { oldBuilder.unit($1, index: $0) }
        var newUnits = newVersion.nodes.rows(.section).enumerated().map { newBuilder.unit($1, index: $0) }
        let idf = IDF([oldUnits, newUnits])
        for i in oldUnits.indices { oldUnits[i].weight = idf.totalWeight(oldUnits[i]) }
        for i in newUnits.indices { newUnits[i].weight = idf.totalWeight(newUnits[i]) }
        let pairs = Matcher(idf: idf).match(oldUnits, newUnits)
        return SectionMatch(
            oldBuilder: oldBuilder, newBuilder: newBuilder, oldUnits: oldUnits, newUnits: newUnits, idf: idf,
            pairs: pairs)
    }

    /// Stage 3: §§ left over inside a pair of chapters are compared again with the chapter as context: the
    /// candidates are few and already related, so a lower bar is safe. The pairs end up sorted by old §.
    func rematchInsideChapters(_ sections: inout SectionMatch, _ chapters: ChapterMatch) {
        let ov = oldVersion
        let nv = newVersion
        let oldTaken = Set(sections.pairs.map(\.old))
        let newTaken = Set(sections.pairs.map(\.new))
        var scoped = Matcher(idf: sections.idf)
        scoped.orderedThreshold = 0.3
        scoped.movedThreshold = 0.5
        var oldLeft: [NodeID: [Unit]] = [:]
        var newLeft: [NodeID: [Unit]] = [:]
        for u in sections.oldUnits where !oldTaken.contains(u.index) {
            if let c = ov.chapterID(u.node) { oldLeft[c, default: []].append(u) }
        }
        for u in sections.newUnits where !newTaken.contains(u.index) {
            if let c = nv.chapterID(u.node) { newLeft[c, default: []].append(u) }
        }
        for (i, j, _) in chapters.pairs {
            let ol = oldLeft[ov.nodes.id(at: chapters.old[i])] ?? []
            let nl = newLeft[nv.nodes.id(at: chapters.new[j])] ?? []
            if ol.isEmpty || nl.isEmpty { continue }
            let local = scoped.match(
                ol.enumerated().map {
                    var u = $1
                    u.index = $0
                    return u
                },
                nl.enumerated().map {
                    var u = $1
                    u.index = $0
                    return u
                })
            for p in local {
                sections.pairs.append(
                    Matcher.Pair(old: ol[p.old].index, new: nl[p.new].index, score: p.score, inOrder: true))
            }
        }
        sections.pairs.sort { $0.old < $1.old }
    }

    /// Stage 5: a row per § (splits and merges among the unpaired §§ next to a pair, then the pairs, then
    /// the removed and added §§, in reading order), each pair's stk. and nr. aligned on the way.
    func sectionRows(_ sections: SectionMatch, _ chapters: ChapterMatch, _ context: inout Context) -> [AlignmentRow] {
        let ov = oldVersion
        let nv = newVersion
        let oldUnits = sections.oldUnits
        let newUnits = sections.newUnits
        let pieces = splitsAndMerges(sections)
        var rows: [AlignmentRow] = []
        for p in sections.pairs {
            let ou = oldUnits[p.old]
            let nu = newUnits[p.new]
            let oldRef = ov.ref(ou.node)
            let newRef = nv.ref(nu.node)
            context.map(ou.node, nu.node)
            let chapterMoved: Bool = {
                guard let oc = ov.chapterID(ou.node) else { return false }
                return chapters.oldToNew[oc] != nv.chapterID(nu.node)
            }()
            let splitInto = (pieces.extraNew[p.old] ?? []).map { newUnits[$0] }
            let mergedFrom = (pieces.extraOld[p.new] ?? []).map { oldUnits[$0] }
            var row = Aligner.row(
                .section, old: [oldRef] + mergedFrom.map { ov.ref($0.node) },
                new: [newRef] + splitInto.map { nv.ref($0.node) },
                similarity: p.score, modified: ou.exactHash != nu.exactHash,
                renumbered: ov.nodes.number(at: ou.node) != nv.nodes.number(at: nu.node), moved: !p.inOrder || chapterMoved)
            if !splitInto.isEmpty { row.status = .split }
            if !mergedFrom.isEmpty { row.status = .merged }
            rows.append(row)
            // A split or merge aligns the stk. of all its §§ together, so a stk. that moved into the new §
            // is found there.
            alignChildren(
                of: CollectionOfOne(ou.node) + mergedFrom.map(\.node), CollectionOfOne(nu.node) + splitInto.map(\.node),
                level: .subsection, &context)
        }
        for (i, u) in oldUnits.enumerated() where pieces.oldPaired[i] == nil {
            rows.append(Aligner.single(.section, .removed, old: ov.ref(u.node)))
        }
        for (j, u) in newUnits.enumerated() where pieces.newPaired[j] == nil {
            rows.append(Aligner.single(.section, .added, new: nv.ref(u.node)))
        }
        return Aligner.ordered(rows)
    }

    /// The §§ a pair's § was split into or merged from, and the partner of every § after that.
    struct SplitsAndMerges {
        /// Old position → additional new positions (split).
        var extraNew: [Int: [Int]] = [:]
        /// New position → additional old positions (merge).
        var extraOld: [Int: [Int]] = [:]
        /// Per old §, the new § it is paired with or a piece of; nil for a removed §.
        var oldPaired: [Int?]
        /// Per new §, the old § it is paired with or a piece of; nil for an added §.
        var newPaired: [Int?]
    }

    /// An unpaired § next to the partner of a § is a piece of a split when most of its weight is found in
    /// that § and its partner does not cover it already; merges are the mirror image. Splits and merges are
    /// looked for independently, then a pair that got both keeps the kind whose best piece is held more
    /// (both are dropped on a tie): the result does not depend on which version is the old one.
    func splitsAndMerges(_ sections: SectionMatch) -> SplitsAndMerges {
        let oldUnits = sections.oldUnits
        let newUnits = sections.newUnits
        let idf = sections.idf
        var result = SplitsAndMerges(
            oldPaired: [Int?](repeating: nil, count: oldUnits.count),
            newPaired: [Int?](repeating: nil, count: newUnits.count))
        for p in sections.pairs {
            result.oldPaired[p.old] = p.new
            result.newPaired[p.new] = p.old
        }
        // Per old § split, per new § merged into: the largest share of a piece's weight found in it.
        var splitStrength: [Int: Double] = [:]
        var mergeStrength: [Int: Double] = [:]
        for j in newUnits.indices where result.newPaired[j] == nil {
            for neighbour in [j - 1, j + 1] where newUnits.indices.contains(neighbour) {
                guard let i = result.newPaired[neighbour] else { continue }
                let alone = idf.containment(of: oldUnits[i], in: newUnits[neighbour])
                let piece = idf.containment(of: newUnits[j], in: oldUnits[i])
                if piece >= 0.75 && alone < 0.85 {
                    result.extraNew[i, default: []].append(j)
                    result.newPaired[j] = i
                    splitStrength[i] = max(splitStrength[i] ?? 0, piece)
                    break
                }
            }
        }
        for i in oldUnits.indices where result.oldPaired[i] == nil {
            for neighbour in [i - 1, i + 1] where oldUnits.indices.contains(neighbour) {
                guard let j = result.oldPaired[neighbour] else { continue }
                let alone = idf.containment(of: newUnits[j], in: oldUnits[neighbour])
                let piece = idf.containment(of: oldUnits[i], in: newUnits[j])
                if piece >= 0.75 && alone < 0.85 {
                    result.extraOld[j, default: []].append(i)
                    result.oldPaired[i] = j
                    mergeStrength[j] = max(mergeStrength[j] ?? 0, piece)
                    break
                }
            }
        }
        // A pair both split and merged into keeps the stronger kind.
        for p in sections.pairs {
            guard let split = splitStrength[p.old], let merge = mergeStrength[p.new] else { continue }
            if split <= merge, let pieces = result.extraNew.removeValue(forKey: p.old) {
                for j in pieces { result.newPaired[j] = nil }
            }
            if merge <= split, let pieces = result.extraOld.removeValue(forKey: p.new) {
                for i in pieces { result.oldPaired[i] = nil }
            }
        }
        return result
    }
}
