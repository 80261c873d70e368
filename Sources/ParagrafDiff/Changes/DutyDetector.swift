import Paragraf

/// Changes of who must or may act: the duties read from the openings of the sentences of each aligned pair
/// (``DutyReader``), paired in order, reported where the actor or the modality differs. The hunks inside a
/// reported duty phrase are claimed.
struct DutyDetector: ChangeDetector {
    var category: ChangeCategory { .duty }

    func detect(in pairs: ComparedPairs, into findings: inout ChangeFindings) -> Int {
        let ov = pairs.old
        let nv = pairs.new
        let oldLocator = pairs.oldLocator
        let newLocator = pairs.newLocator
        var duties: [DutyChange] = []
        let oldFlags = DutyReader.FlagCache()
        let newFlags = DutyReader.FlagCache()
        for c in pairs.pairs where !c.hunks.isEmpty {
            let od = DutyReader.duties(in: c.oldNode, of: ov, cache: oldFlags)
            if od.isEmpty { continue }
            let nd = DutyReader.duties(in: c.newNode, of: nv, cache: newFlags)
            for (o, m) in zip(od, nd) {
                // Most duties read the same in both versions: told apart before they are placed and cited.
                guard o.duty.modality != m.duty.modality || !DutyChange.sameActor(o.duty.actor, m.duty.actor) else { continue }
                duties.append(
                    DutyChange(
                        oldCitation: oldLocator.citation(at: o.range.lowerBound, fallback: pairs.oldCitation(c)),
                        newCitation: newLocator.citation(at: m.range.lowerBound, fallback: pairs.newCitation(c)),
                        old: o.duty, new: m.duty,
                        oldRange: oldLocator.range(o.range.lowerBound, o.range.upperBound),
                        newRange: newLocator.range(m.range.lowerBound, m.range.upperBound)))
                // The hunks inside the duty phrase are duty changes, unless claimed already.
                for (h, hunk) in c.hunks.enumerated() where c.category(h) == nil {
                    guard let first = hunk.new.first.map({ c.newTokens.offsets($0).lowerBound }) else { continue }
                    if m.range.contains(first) { c.claim(h, as: .duty) }
                }
            }
        }
        findings.duties = duties
        return duties.count
    }
}
