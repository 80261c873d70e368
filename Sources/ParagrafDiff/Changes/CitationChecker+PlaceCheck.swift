import Paragraf
import ParagrafReferences

extension CitationChecker {
    /// A target of an old citation at the place's counterpart: the citation and the target by index into the
    /// old graph, and the new id of the target through the alignment.
    struct OldTarget {
        /// Index into the old graph's citations.
        var citation: Int
        /// Index into that citation's targets.
        var target: Int
        var mapped: NodeID?
    }

    /// The check of one place of the new version (a subsection holding citations): its citations against
    /// the targets of the old citations at its counterpart.
    struct PlaceCheck {
        let checker: CitationChecker
        /// The new place and its counterpart in the old version.
        let place: NodeID
        let oldPlace: NodeID?
        /// The place's citations, as indices into the new graph.
        let citations: [Int]
        let oldTargets: [OldTarget]
        /// The place's citations, worked out once a change there is reported.
        private var placeCitations: (new: String, old: String?)? = nil

        init(_ checker: CitationChecker, place: NodeID, citations: [Int], oldByPlace: [NodeID: [Int]]) {
            self.checker = checker
            self.place = place
            self.citations = citations
            let oldPlace = checker.aligned.newToOld[place]
            self.oldPlace = oldPlace
            let oldCitations = checker.oldGraph.citations
            var oldTargets: [OldTarget] = []
            for w in oldPlace.flatMap({ oldByPlace[$0] }) ?? [] {
                let targets = oldCitations[w].targets
                for k in targets.indices where targets[k].status != .external {
                    oldTargets.append(
                        OldTarget(citation: w, target: k, mapped: targets[k].nodeID.flatMap { checker.mapOld($0) }))
                }
            }
            self.oldTargets = oldTargets
        }

        private func witnessCitation(_ t: OldTarget) -> ResolvedCitation { checker.oldGraph.citations[t.citation] }
        private func witnessTarget(_ t: OldTarget) -> ResolvedTarget {
            checker.oldGraph.citations[t.citation].targets[t.target]
        }
        private func witnessAddress(_ t: OldTarget) -> Address {
            checker.oldGraph.citations[t.citation].targets[t.target].address
        }

        private mutating func citationsOfPlace() -> (new: String, old: String?) {
            if let known = placeCitations { return known }
            let found = (
                Address(id: place)?.description ?? place.description,
                oldPlace.flatMap { Address(id: $0)?.description }
            )
            placeCitations = found
            return found
        }

        /// Appends the place's changes to `result`: the unresolved citations first, then the stale ones and
        /// those with a changed target.
        mutating func report(into result: inout [CitationChange]) {
            let unexplained = reportUnresolved(into: &result)
            if !unexplained.isEmpty { reportStaleAndChanged(unexplained, into: &result) }
        }

        /// Reports the unresolved targets; returns the resolved ones no old target at this place explains (as
        /// indices of the citation and of the target in it, and the target's id).
        private mutating func reportUnresolved(into result: inout [CitationChange]) -> [(Int, Int, NodeID)] {
            let newCitations = checker.newGraph.citations
            let oldCitations = checker.oldGraph.citations
            var unexplained: [(Int, Int, NodeID)] = []
            for ci in citations {
                for ti in newCitations[ci].targets.indices where newCitations[ci].targets[ti].status != .external {
                    guard let nodeID = newCitations[ci].targets[ti].nodeID else {
                        let c = newCitations[ci]
                        let target = c.targets[ti]
                        let before =
                            oldTargets.first { witnessAddress($0) == target.address }
                            ?? oldTargets.first { oldCitations[$0.citation].targets[$0.target].nodeID == nil }
                        // A citation that was already broken at this place is not a change.
                        if let before, witnessTarget(before).nodeID == nil { continue }
                        let note = before == nil ? "" : "; the old version's citation here resolved"
                        let beforeCitation = before.map { witnessCitation($0).citation }
                        let (newCitation, oldCitation) = citationsOfPlace()
                        result.append(
                            CitationChange(
                                issue: .unresolved, newCitation: newCitation, newText: c.citation.text, newTarget: nil,
                                oldCitation: oldCitation, oldText: beforeCitation?.text,
                                oldTarget: before.map { witnessTarget($0).address.description },
                                expectedTarget: before?.mapped.flatMap { Address(id: $0)?.description },
                                newRange: checker.aligned.new.location(of: c.citation.span),
                                oldRange: beforeCitation.map { checker.aligned.old.location(of: $0.span) },
                                explanation: "\(target.address) names nothing in the new version"
                                    + (target.message.map { " (\($0))" } ?? "") + note))
                        continue
                    }
                    if oldTargets.isEmpty { continue }
                    if oldTargets.contains(where: { $0.mapped.map { IDPath.covers($0, nodeID) } ?? false }) {
                        continue
                    }
                    unexplained.append((ci, ti, nodeID))
                }
            }
            return unexplained
        }

        /// Reports each unexplained target as stale (the same address as an old target whose counterpart is
        /// no longer named here) or, paired with the dropped old target of the nearest number, as changed.
        private mutating func reportStaleAndChanged(_ unexplained: [(Int, Int, NodeID)], into result: inout [CitationChange]) {
            let newCitations = checker.newGraph.citations
            let aligned = checker.aligned
            var citedNow: [NodeID] = []
            for ci in citations {
                for t in newCitations[ci].targets.indices { if let id = newCitations[ci].targets[t].nodeID { citedNow.append(id) } }
            }
            // Old targets whose counterpart nothing at this place names any more.
            var dropped = oldTargets.filter { t in
                guard let mapped = t.mapped else { return false }
                return !citedNow.contains { IDPath.covers(mapped, $0) }
            }
            // The number of each dropped target, for the nearest-number pairing below.
            var droppedNumbers = dropped.map { CitationChecker.number(witnessAddress($0)) ?? 0 }
            for (ci, ti, nodeID) in unexplained {
                let c = newCitations[ci]
                let target = c.targets[ti]
                // What a reported change says of the new target.
                func described() -> (newTargetText: String, caption: String, addedNote: String) {
                    let caption = aligned.new.nodes.row(of: nodeID).map { aligned.new.caption($0) } ?? ""
                    let isNewProvision =
                        aligned.newToOld[IDPath.subsection(nodeID)] == nil
                        && aligned.newToOld[IDPath.first(nodeID)] == nil
                    return (target.address.description, caption, isNewProvision ? " (a provision new in this version)" : "")
                }
                if let k = dropped.firstIndex(where: { witnessAddress($0) == target.address }), let expected = dropped[k].mapped {
                    let same = dropped.remove(at: k)
                    droppedNumbers.remove(at: k)
                    let (newTargetText, caption, addedNote) = described()
                    let (newCitation, oldCitation) = citationsOfPlace()
                    let expectedText = Address(id: expected)?.description ?? expected.description
                    result.append(
                        CitationChange(
                            issue: .stale, newCitation: newCitation, newText: c.citation.text, newTarget: newTargetText,
                            oldCitation: oldCitation, oldText: witnessCitation(same).citation.text,
                            oldTarget: witnessTarget(same).address.description, expectedTarget: expectedText,
                            newRange: aligned.new.location(of: c.citation.span),
                            oldRange: aligned.old.location(of: witnessCitation(same).citation.span),
                            explanation:
                                "still says \(newTargetText), the number its target had in the old version; that provision is now \(expectedText), and \(newTargetText) is now “\(caption)”\(addedNote)"
                        ))
                    continue
                }
                guard !dropped.isEmpty else { continue }
                let n = CitationChecker.number(target.address) ?? 0
                let k = dropped.indices.min { a, b in abs(droppedNumbers[a] - n) < abs(droppedNumbers[b] - n) }!
                let before = dropped.remove(at: k)
                droppedNumbers.remove(at: k)
                let (newTargetText, caption, addedNote) = described()
                let (newCitation, oldCitation) = citationsOfPlace()
                let expectedText = before.mapped.flatMap { Address(id: $0)?.description } ?? "?"
                let oldTargetText = witnessAddress(before).description
                result.append(
                    CitationChange(
                        issue: .changedTarget, newCitation: newCitation, newText: c.citation.text,
                        newTarget: newTargetText, oldCitation: oldCitation, oldText: witnessCitation(before).citation.text,
                        oldTarget: oldTargetText, expectedTarget: expectedText,
                        newRange: aligned.new.location(of: c.citation.span),
                        oldRange: aligned.old.location(of: witnessCitation(before).citation.span),
                        explanation:
                            "the old version cited \(oldTargetText) here, which is now \(expectedText); the new text cites \(newTargetText) instead, “\(caption)”\(addedNote)"
                    ))
            }
        }
    }
}
