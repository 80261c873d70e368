import Paragraf

extension Aligner {
    /// The chapters of both versions and how they were paired.
    struct ChapterMatch {
        /// The chapter nodes in document order.
        let old: [Int]
        let new: [Int]
        /// (old position, new position, score), sorted by old position.
        var pairs: [(Int, Int, Double)] = []
        /// Old chapter id → new chapter id, for the pairs.
        var oldToNew: [NodeID: NodeID] = [:]
    }

    /// Stage 2: each old chapter goes to the new chapter that received most of its sections (by score), when
    /// that choice is mutual; titles decide for the chapters left (``pairByTitle(_:_:)``).
    func matchChapters(_ sections: SectionMatch) -> ChapterMatch {
        let ov = oldVersion
        let nv = newVersion
        var chapters = ChapterMatch(old: ov.nodes.rows(.chapter), new: nv.nodes.rows(.chapter))
        var votes: [NodeID: [NodeID: Double]] = [:]
        for p in sections.pairs {
            guard let oc = ov.chapterID(sections.oldUnits[p.old].node),
                let nc = nv.chapterID(sections.newUnits[p.new].node)
            else { continue }
            votes[oc, default: [:]][nc, default: 0] += p.score
        }
        var reverseVotes: [NodeID: [NodeID: Double]] = [:]
        for (oc, row) in votes { for (nc, w) in row { reverseVotes[nc, default: [:]][oc, default: 0] += w } }
        func top(_ row: [NodeID: Double]?) -> NodeID? {
            row?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        let newChapterPosition = Dictionary(
            uniqueKeysWithValues: chapters.new.enumerated().map { (nv.nodes.id(at: $1), $0) })
        for (i, oc) in chapters.old.enumerated() {
            let ocID = ov.nodes.id(at: oc)
            guard let nc = top(votes[ocID]), top(reverseVotes[nc]) == ocID, let j = newChapterPosition[nc] else {
                continue
            }
            chapters.pairs.append((i, j, votes[ocID]?[nc] ?? 0))
            chapters.oldToNew[ocID] = nc
        }
        pairByTitle(&chapters, sections)
        chapters.pairs.sort { $0.0 < $1.0 }
        return chapters
    }

    /// The chapters left unpaired by their §§ (a chapter whose sections all changed beyond recognition), paired
    /// by title: one title may extend the other ("… tandskader" → "… tandskader og tandskader som følge af …",
    /// and the reverse). Neither the score nor the order of pairing depends on which version is the old one,
    /// so the pairs of B → A are those of A → B mirrored (``titleScore(_:_:_:)``, ``titlePairs(_:_:_:)``).
    private func pairByTitle(_ chapters: inout ChapterMatch, _ sections: SectionMatch) {
        let ov = oldVersion
        let nv = newVersion
        let oldBuilder = sections.oldBuilder
        let newBuilder = sections.newBuilder
        var oldTitleUnits = chapters.old.enumerated().map { oldBuilder.titleUnit($1, index: $0) }
        var newTitleUnits = chapters.new.enumerated().map { newBuilder.titleUnit($1, index: $0) }
        let titleIDF = IDF([oldTitleUnits, newTitleUnits])
        for i in oldTitleUnits.indices { oldTitleUnits[i].weight = titleIDF.totalWeight(oldTitleUnits[i]) }
        for i in newTitleUnits.indices { newTitleUnits[i].weight = titleIDF.totalWeight(newTitleUnits[i]) }
        var newTaken = [Bool](repeating: false, count: chapters.new.count)
        for pair in chapters.pairs { newTaken[pair.1] = true }
        // The chapters still free, grouped by title bag on each side: the score depends on the two bags alone,
        // so an act whose chapters repeat their titles (the synthetic ×1000 has 10 000 chapters, ten titles)
        // costs title bags × title bags, not old chapters × new chapters.
        let oldClasses = Aligner.titleClasses(
            chapters.old.indices.filter { chapters.oldToNew[ov.nodes.id(at: chapters.old[$0])] == nil }, oldTitleUnits)
        let newClasses = Aligner.titleClasses(chapters.new.indices.filter { !newTaken[$0] }, newTitleUnits)
        var candidates: [TitleCandidate] = []
        for (a, oldClass) in oldClasses.enumerated() {
            for (b, newClass) in newClasses.enumerated() {
                let s = Aligner.titleScore(oldTitleUnits[oldClass[0]], newTitleUnits[newClass[0]], titleIDF)
                if s >= 0.8 { candidates.append(TitleCandidate(old: a, new: b, score: s, order: oldClass[0] + newClass[0])) }
            }
        }
        for (i, j, s) in Aligner.titlePairs(candidates, oldClasses, newClasses) {
            chapters.pairs.append((i, j, s))
            chapters.oldToNew[ov.nodes.id(at: chapters.old[i])] = nv.nodes.id(at: chapters.new[j])
        }
    }

    /// A pair of title classes (one per side) whose titles score at least 0.8: `order` is the sum of the
    /// positions of the first chapter of each class, a tie-break that reads the same from both sides.
    struct TitleCandidate {
        var old: Int
        var new: Int
        var score: Double
        var order: Int
    }

    /// Chapter positions `positions` (ascending) grouped by equal title bag, each group ascending, the groups in
    /// the order of their first chapter.
    static func titleClasses(_ positions: [Int], _ units: [Unit]) -> [[Int]] {
        var classes: [[Int]] = []
        var classOfBag: [[Int]: Int] = [:]
        for p in positions {
            let bag = units[p].bag.flatMap { [$0.key, $0.count] }
            if let c = classOfBag[bag] {
                classes[c].append(p)
            } else {
                classOfBag[bag] = classes.count
                classes.append([p])
            }
        }
        return classes
    }

    /// How well two chapter titles match, the same whichever is old: their similarity, or, when one title
    /// holds the other, the containment of the shorter in the longer capped at 0.4 above the reverse
    /// containment (a title extended by a few words still pairs; two titles that merely share some words do not).
    static func titleScore(_ a: Unit, _ b: Unit, _ idf: IDF) -> Double {
        let aInB = idf.containment(of: a, in: b)
        let bInA = idf.containment(of: b, in: a)
        return max(idf.similarity(a, b), min(max(aInB, bInA), min(aInB, bInA) + 0.4))
    }

    /// The chapter pairs (old position, new position, score) the candidates give, best score first; on equal
    /// scores the class pair with the lower ``TitleCandidate/order`` first (two candidates that compete share
    /// a class, so their orders differ by the first position of the other class, on either side). Within a
    /// pair of classes, the free chapters of both are paired in document order.
    static func titlePairs(
        _ candidates: [TitleCandidate], _ oldClasses: [[Int]], _ newClasses: [[Int]]
    ) -> [(Int, Int, Double)] {
        let sorted = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        // Per class, how many of its chapters (from the front) are taken.
        var oldUsed = [Int](repeating: 0, count: oldClasses.count)
        var newUsed = [Int](repeating: 0, count: newClasses.count)
        var pairs: [(Int, Int, Double)] = []
        for c in sorted {
            let oldFree = oldClasses[c.old][oldUsed[c.old]...]
            let newFree = newClasses[c.new][newUsed[c.new]...]
            let n = min(oldFree.count, newFree.count)
            for (i, j) in zip(oldFree, newFree) { pairs.append((i, j, c.score)) }
            oldUsed[c.old] += n
            newUsed[c.new] += n
        }
        return pairs
    }

    /// Stage 4: a row per chapter (the pairs, then the removed and added chapters, in reading order). A pair
    /// outside the heaviest chain of pairs in order is a move.
    func chapterRows(_ chapters: ChapterMatch, _ sections: SectionMatch, _ context: inout Context) -> [AlignmentRow] {
        let ov = oldVersion
        let nv = newVersion
        let idf = sections.idf
        let chain = Matcher.heaviestChain(chapters.pairs.map { ($0.1, $0.2) })
        var rows: [AlignmentRow] = []
        var oldDone = Set<Int>()
        var newDone = Set<Int>()
        for (n, (i, j, _)) in chapters.pairs.enumerated() {
            let oc = chapters.old[i]
            let nc = chapters.new[j]
            // The same keys in the same order is what equal exact hashes of the two units say; only a
            // modified chapter needs its bag, for the similarity.
            ov.finalizeUnit(oc)
            nv.finalizeUnit(nc)
            let sameContent = ov.sameKeys(oc, as: nc, in: nv)
            let titleSame = ov.nodes.node(at: oc).title == nv.nodes.node(at: nc).title
            let modified = !(sameContent && titleSame)
            var similarity = 1.0
            if modified {
                // The chapters' §§ have their bags already: they are added up, not read again.
                var ocu = sections.oldBuilder.unit(
                    oc, index: i, parts: Aligner.units(sections.oldUnits, inside: oc, of: ov))
                var ncu = sections.newBuilder.unit(
                    nc, index: j, parts: Aligner.units(sections.newUnits, inside: nc, of: nv))
                ocu.weight = idf.totalWeight(ocu)
                ncu.weight = idf.totalWeight(ncu)
                similarity = idf.similarity(ocu, ncu)
            }
            rows.append(
                Aligner.row(
                    .chapter, old: [ov.ref(oc)], new: [nv.ref(nc)], similarity: similarity, modified: modified,
                    renumbered: ov.nodes.number(at: oc) != nv.nodes.number(at: nc), moved: !chain[n]))
            oldDone.insert(i)
            newDone.insert(j)
            context.map(oc, nc)
        }
        for (i, oc) in chapters.old.enumerated() where !oldDone.contains(i) {
            rows.append(Aligner.single(.chapter, .removed, old: ov.ref(oc)))
        }
        for (j, nc) in chapters.new.enumerated() where !newDone.contains(j) {
            rows.append(Aligner.single(.chapter, .added, new: nv.ref(nc)))
        }
        return Aligner.ordered(rows)
    }
}
