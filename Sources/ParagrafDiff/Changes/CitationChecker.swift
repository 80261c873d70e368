import Paragraf
import ParagrafReferences

/// Checks the internal citations of the new version against the old version at the same place.
///
/// For a citation in new subsection S, the old version's citations in S's counterpart are the witnesses.
/// A new target is fine when some old target at that place maps to it through the alignment. Otherwise:
/// - **stale**: an old target there has the *same address* as the new one but was renumbered, so the
///   unchanged number now names another provision (the expected target is the counterpart);
/// - **changed target**: the old place cited a provision whose counterpart the new place no longer cites,
///   and the new citation names something else;
/// - **unresolved**: the new target names nothing, while the old citation at that place resolved (or the
///   citation is new); one that was already broken in the old version is not a change and is not reported.
/// Citations with no witness (new text) are only checked for resolution.
struct CitationChecker {
    let old: ParsedDocument
    let new: ParsedDocument
    let aligned: AlignmentResult
    /// The citations of the old version.
    let oldGraph: ReferenceGraph
    /// The citations of the new version.
    let newGraph: ReferenceGraph

    /// The subsection (or section) id holding a leaf id: "p1/stk2/pkt1" → "p1/stk2".
    static func subsectionID(_ id: NodeID) -> NodeID {
        let top = id.topLevel
        let second = id.prefix(2)
        if second != top, case .subsection = second.last.step { return second }
        return top
    }

    /// The new id of old node `id`, through its nearest aligned ancestor ("p17/stk3/pkt2" → "p21/stk3/pkt2").
    func mapOld(_ id: NodeID) -> NodeID? { aligned.oldToNew.throughAncestors(id) }

    /// Whether one id is the other or lies inside it.
    static func covers(_ a: NodeID, _ b: NodeID) -> Bool { a.contains(b) || b.contains(a) }

    /// A number to compare citations by: the § or chapter number's digits.
    static func number(_ address: Address) -> Int? {
        var text = address.section ?? address.chapter ?? address.annex ?? ""
        // Leading ASCII digits followed by an ASCII byte or the end are the digits a character-wise
        // scan finds (a digit is a character of its own unless a non-ASCII mark follows it).
        // The result is `Int` of those digits: nil for none or on overflow.
        let ascii = text.withUTF8 { b -> Int?? in
            var end = 0
            var value = 0
            var overflow = false
            while end < b.count, b[end] >= 0x30, b[end] <= 0x39 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(b[end] - 0x30))
                overflow = overflow || o1 || o2
                value = sum
                end += 1
            }
            guard end == b.count || b[end] < 0x80 else { return nil }
            return .some(end == 0 || overflow ? nil : value)
        }
        if let ascii { return ascii }
        return Int(text.prefix { $0.isNumber })
    }

    func check() -> [CitationChange] {
        // Citations are kept as indices into the graphs: the places hold lists of them, and an old target
        // is a citation and a target index, so the (large) resolved citations are never copied.
        let oldCitations = oldGraph.citations, newCitations = newGraph.citations
        /// `Citation.isInternal`, from the kind read in place (the citation is not copied).
        func isInternal(_ kind: CitationKind) -> Bool { kind == .internalAbsolute || kind == .internalRelative }
        // Citations of one provision follow one another: the place of the last source is kept.
        var lastSource: NodeID? = nil, lastPlace = NodeID.document
        func place(of source: NodeID) -> NodeID {
            if source != lastSource {
                lastSource = source
                lastPlace = CitationChecker.subsectionID(source)
            }
            return lastPlace
        }
        var oldByPlace: [NodeID: [Int]] = [:]
        oldByPlace.reserveCapacity(oldCitations.count)
        for k in oldCitations.indices where isInternal(oldCitations[k].citation.kind) {
            guard let source = oldCitations[k].sourceID else { continue }
            oldByPlace[place(of: source), default: []].append(k)
        }
        // The new places in order of first citation, each with its citations.
        var placeIndex: [NodeID: Int] = [:]
        placeIndex.reserveCapacity(newCitations.count)
        var newPlaces: [(place: NodeID, citations: [Int])] = []
        lastSource = nil
        var lastIndex = -1
        for k in newCitations.indices where isInternal(newCitations[k].citation.kind) {
            guard let source = newCitations[k].sourceID else { continue }
            if source != lastSource {
                let place = place(of: source)
                if let known = placeIndex[place] {
                    lastIndex = known
                } else {
                    lastIndex = newPlaces.count
                    placeIndex[place] = lastIndex
                    newPlaces.append((place, []))
                }
            }
            newPlaces[lastIndex].citations.append(k)
        }

        struct OldTarget {
            /// Index into the old graph's citations.
            var citation: Int
            /// Index into that citation's targets.
            var target: Int
            var mapped: NodeID?
        }
        func witnessCitation(_ t: OldTarget) -> ResolvedCitation { oldCitations[t.citation] }
        func witnessTarget(_ t: OldTarget) -> ResolvedTarget { oldCitations[t.citation].targets[t.target] }
        func witnessAddress(_ t: OldTarget) -> Address { oldCitations[t.citation].targets[t.target].address }
        var result: [CitationChange] = []
        for (place, citations) in newPlaces {
            let oldPlace = aligned.newToOld[place]
            // The place's citations, worked out once a change there is reported.
            var placeCitations: (new: String, old: String?)? = nil
            func citationsOfPlace() -> (new: String, old: String?) {
                if let known = placeCitations { return known }
                let found = (Aligner.addressDescription(place) ?? place.description, oldPlace.flatMap { Aligner.addressDescription($0) })
                placeCitations = found
                return found
            }
            let witnesses = oldPlace.flatMap { oldByPlace[$0] } ?? []
            var oldTargets: [OldTarget] = []
            for w in witnesses {
                let targets = oldCitations[w].targets
                for k in targets.indices where targets[k].status != .external {
                    oldTargets.append(OldTarget(citation: w, target: k, mapped: targets[k].nodeID.flatMap { mapOld($0) }))
                }
            }

            // Unresolved targets first; then the resolved ones no old target at this place explains (as
            // indices of the citation and of the target in it).
            var unexplained: [(Int, Int, NodeID)] = []
            for ci in citations {
                for ti in newCitations[ci].targets.indices where newCitations[ci].targets[ti].status != .external {
                    guard let nodeID = newCitations[ci].targets[ti].nodeID else {
                        let c = newCitations[ci]
                        let target = c.targets[ti]
                        let before = oldTargets.first { witnessAddress($0) == target.address }
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
                                expectedTarget: before?.mapped.flatMap { Aligner.addressDescription($0) },
                                newRange: aligned.new.location(of: c.citation.span), oldRange: beforeCitation.map { aligned.old.location(of: $0.span) },
                                explanation: "\(target.address) names nothing in the new version"
                                    + (target.message.map { " (\($0))" } ?? "") + note))
                        continue
                    }
                    if oldTargets.isEmpty { continue }
                    if oldTargets.contains(where: { $0.mapped.map { CitationChecker.covers($0, nodeID) } ?? false }) {
                        continue
                    }
                    unexplained.append((ci, ti, nodeID))
                }
            }
            if unexplained.isEmpty { continue }
            var citedNow: [NodeID] = []
            for ci in citations {
                for t in newCitations[ci].targets.indices { if let id = newCitations[ci].targets[t].nodeID { citedNow.append(id) } }
            }
            // Old targets whose counterpart nothing at this place names any more.
            var dropped = oldTargets.filter { t in
                guard let mapped = t.mapped else { return false }
                return !citedNow.contains { CitationChecker.covers(mapped, $0) }
            }
            // The number of each dropped target, for the nearest-number pairing below.
            var droppedNumbers = dropped.map { CitationChecker.number(witnessAddress($0)) ?? 0 }
            for (ci, ti, nodeID) in unexplained {
                let c = newCitations[ci]
                let target = c.targets[ti]
                // What a reported change says of the new target.
                func described() -> (newTargetText: String, caption: String, addedNote: String) {
                    let caption = aligned.new.node(nodeID).map { aligned.new.caption($0) } ?? ""
                    let isNewProvision = aligned.newToOld[CitationChecker.subsectionID(nodeID)] == nil
                        && aligned.newToOld[nodeID.topLevel] == nil
                    return (target.address.description, caption, isNewProvision ? " (a provision new in this version)" : "")
                }
                // Stale: the same address as an old target whose counterpart is no longer named here.
                if let k = dropped.firstIndex(where: { witnessAddress($0) == target.address }), let expected = dropped[k].mapped {
                    let same = dropped.remove(at: k)
                    droppedNumbers.remove(at: k)
                    let (newTargetText, caption, addedNote) = described()
                    let (newCitation, oldCitation) = citationsOfPlace()
                    let expectedText = Aligner.addressDescription(expected) ?? expected.description
                    result.append(
                        CitationChange(
                            issue: .stale, newCitation: newCitation, newText: c.citation.text, newTarget: newTargetText,
                            oldCitation: oldCitation, oldText: witnessCitation(same).citation.text,
                            oldTarget: witnessTarget(same).address.description, expectedTarget: expectedText,
                            newRange: aligned.new.location(of: c.citation.span), oldRange: aligned.old.location(of: witnessCitation(same).citation.span),
                            explanation:
                                "still says \(newTargetText), the number its target had in the old version; that provision is now \(expectedText), and \(newTargetText) is now “\(caption)”\(addedNote)"
                        ))
                    continue
                }
                // Changed target: pair with the dropped old target of the nearest number.
                guard !dropped.isEmpty else { continue }
                let n = CitationChecker.number(target.address) ?? 0
                let k = dropped.indices.min { a, b in abs(droppedNumbers[a] - n) < abs(droppedNumbers[b] - n) }!
                let before = dropped.remove(at: k)
                droppedNumbers.remove(at: k)
                let (newTargetText, caption, addedNote) = described()
                let (newCitation, oldCitation) = citationsOfPlace()
                let expectedText = before.mapped.flatMap { Aligner.addressDescription($0) } ?? "?"
                let oldTargetText = witnessAddress(before).description
                result.append(
                    CitationChange(
                        issue: .changedTarget, newCitation: newCitation, newText: c.citation.text,
                        newTarget: newTargetText, oldCitation: oldCitation, oldText: witnessCitation(before).citation.text,
                        oldTarget: oldTargetText, expectedTarget: expectedText,
                        newRange: aligned.new.location(of: c.citation.span), oldRange: aligned.old.location(of: witnessCitation(before).citation.span),
                        explanation:
                            "the old version cited \(oldTargetText) here, which is now \(expectedText); the new text cites \(newTargetText) instead, “\(caption)”\(addedNote)"
                    ))
            }
        }
        return result
    }
}
