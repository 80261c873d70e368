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
        let ov = oldVersion, nv = newVersion
        var chapters = ChapterMatch(old: ov.all(.chapter), new: nv.all(.chapter))
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
            uniqueKeysWithValues: chapters.new.enumerated().map { (nv.nodes[$1].id, $0) })
        for (i, oc) in chapters.old.enumerated() {
            let ocID = ov.nodes[oc].id
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
    /// by title: one title may extend the other ("… tandskader" → "… tandskader og tandskader som følge af …").
    private func pairByTitle(_ chapters: inout ChapterMatch, _ sections: SectionMatch) {
        let ov = oldVersion, nv = newVersion
        let oldBuilder = sections.oldBuilder, newBuilder = sections.newBuilder
        var oldTitleUnits = chapters.old.enumerated().map { oldBuilder.titleUnit($1, index: $0) }
        var newTitleUnits = chapters.new.enumerated().map { newBuilder.titleUnit($1, index: $0) }
        let titleIDF = IDF([oldTitleUnits, newTitleUnits])
        for i in oldTitleUnits.indices { oldTitleUnits[i].weight = titleIDF.totalWeight(oldTitleUnits[i]) }
        for i in newTitleUnits.indices { newTitleUnits[i].weight = titleIDF.totalWeight(newTitleUnits[i]) }
        // The new chapters still free, one per distinct title bag: the scores depend on the bag alone, and
        // the first chapter of a bag wins a tie as it would one by one. An act whose chapters repeat their
        // titles (the synthetic ×1000 has 10 000 chapters, ten titles) then costs old chapters × titles, not
        // old chapters × new chapters.
        var newTaken = [Bool](repeating: false, count: chapters.new.count)
        for pair in chapters.pairs { newTaken[pair.1] = true }
        var titleCandidates: [Int] = []
        var seenBags = Set<[Int]>()
        for j in chapters.new.indices where !newTaken[j] {
            if seenBags.insert(newTitleUnits[j].bag.flatMap { [$0.key, $0.count] }).inserted { titleCandidates.append(j) }
        }
        for (i, oc) in chapters.old.enumerated() where chapters.oldToNew[ov.nodes[oc].id] == nil {
            var best: (Int, Double)?
            for j in titleCandidates {
                let s = max(
                    titleIDF.similarity(oldTitleUnits[i], newTitleUnits[j]),
                    min(
                        titleIDF.containment(of: oldTitleUnits[i], in: newTitleUnits[j]),
                        titleIDF.containment(of: newTitleUnits[j], in: oldTitleUnits[i]) + 0.4))
                if s >= 0.8, s > (best?.1 ?? 0) { best = (j, s) }
            }
            if let (j, s) = best, !newTaken[j] {
                newTaken[j] = true
                chapters.pairs.append((i, j, s))
                chapters.oldToNew[ov.nodes[oc].id] = nv.nodes[chapters.new[j]].id
            }
        }
    }

    /// Stage 4: a row per chapter (the pairs, then the removed and added chapters, in reading order). A pair
    /// outside the heaviest chain of pairs in order is a move.
    func chapterRows(_ chapters: ChapterMatch, _ sections: SectionMatch, _ context: inout Context) -> [AlignmentRow] {
        let ov = oldVersion, nv = newVersion, idf = sections.idf
        let chain = Matcher.heaviestChain(chapters.pairs.map { ($0.1, $0.2) })
        var rows: [AlignmentRow] = []
        var oldDone = Set<Int>(), newDone = Set<Int>()
        for (n, (i, j, _)) in chapters.pairs.enumerated() {
            let oc = chapters.old[i], nc = chapters.new[j]
            // The same keys in the same order is what equal exact hashes of the two units say; only a
            // modified chapter needs its bag, for the similarity.
            ov.finalizeUnit(oc)
            nv.finalizeUnit(nc)
            let sameContent = ov.sameKeys(oc, as: nc, in: nv)
            let titleSame = ov.nodes[oc].title == nv.nodes[nc].title
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
                    renumbered: ov.nodes[oc].number != nv.nodes[nc].number, moved: !chain[n]))
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
