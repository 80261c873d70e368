import Paragraf

extension Aligner {
    /// Stage 7: annexes paired by number, their blocks aligned like subsections (without rows of their own);
    /// the removed and paired annexes in old order, then the added ones.
    func alignAnnexes(_ context: inout Context) {
        let ov = oldVersion
        let nv = newVersion
        let idf = context.idf
        let oldAnnexes = ov.nodes.rows(.annex)
        let newAnnexList = nv.nodes.rows(.annex)
        func annexKey(_ v: FlatVersion, _ a: Int) -> String { v.nodes.number(at: a) ?? v.nodes.id(at: a).description }
        let newAnnexes = Dictionary(newAnnexList.map { (annexKey(nv, $0), $0) }, uniquingKeysWith: { a, _ in a })
        let pairedAnnexNumbers = Set(oldAnnexes.map { annexKey(ov, $0) })
        for annex in oldAnnexes {
            guard let other = newAnnexes[annexKey(ov, annex)] else {
                context.rows.annexes.append(Aligner.single(.annex, .removed, old: ov.ref(annex)))
                continue
            }
            context.map(annex, other)
            var au = context.oldBuilder.unit(annex, index: 0)
            var bu = context.newBuilder.unit(other, index: 0)
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
        for annex in newAnnexList where !pairedAnnexNumbers.contains(annexKey(nv, annex)) {
            context.rows.annexes.append(Aligner.single(.annex, .added, new: nv.ref(annex)))
        }
    }

    /// Stage 7: the preamble; its legal basis is compared word by word like a subsection (its text pair
    /// comes first).
    func alignPreamble(_ context: inout Context) {
        let ov = oldVersion
        let nv = newVersion
        let idf = context.idf
        guard let op = ov.nodes.children(of: 0).first(where: { ov.nodes.kind(at: $0) == .preamble }),
            let np = nv.nodes.children(of: 0).first(where: { nv.nodes.kind(at: $0) == .preamble })
        else { return }
        var ou = context.oldBuilder.unit(op, index: 0, keepTokens: true)
        var nu = context.newBuilder.unit(np, index: 0, keepTokens: true)
        ou.weight = idf.totalWeight(ou)
        nu.weight = idf.totalWeight(nu)
        let oldRef = ov.ref(op)
        let newRef = nv.ref(np)
        context.rows.preamble.append(
            Aligner.row(
                .preamble, old: [oldRef], new: [newRef], similarity: idf.similarity(ou, nu),
                modified: ou.exactHash != nu.exactHash, renumbered: false, moved: false))
        context.textPairs.insert(TextPair(old: ou, new: nu, oldRef: oldRef, newRef: newRef), at: 0)
        context.map(op, np)
    }
}
