/// The resolver's work over a ``NodeTable``: what ``CitationResolver`` does (``ReferenceGraph`` resolves
/// with this alone).
struct TableResolver: Sendable {
    let table: NodeTable
    /// The number of the last §, the last chapter, and the number of annexes: what a miss reports.
    let lastSection: String?
    let lastChapter: String?
    let annexCount: Int

    init(table: NodeTable) {
        self.table = table
        lastSection = table.rows(.section).last.flatMap(table.number(at:))
        lastChapter = table.rows(.chapter).last.flatMap(table.number(at:))
        annexCount = table.rows(.annex).count
    }

    /// Resolves every target of `citation` (as ``CitationResolver`` does); the citing node's address is
    /// read once per citation, and only when a target needs it.
    func resolve(_ citation: Citation, from nodeID: NodeID? = nil) -> ResolvedCitation {
        let context = nodeID ?? citation.nodeID
        var place: Address?
        if let context, citation.targets.contains(where: { $0.act == nil && $0.isRelative }) {
            place = Address(id: context)
        }
        return ResolvedCitation(
            citation: citation, sourceID: context,
            targets: citation.targets.map { resolve($0, from: place) })
    }

    /// Resolves one target, reading a relative one against `place`, the address of the citing node.
    func resolve(_ target: CitationTarget, from place: Address?) -> ResolvedTarget {
        if target.act != nil {
            return ResolvedTarget(target: target, address: target.address, nodeID: nil, status: .external)
        }
        guard let address = Self.absoluteAddress(of: target, at: place) else {
            return ResolvedTarget(
                target: target, address: target.address, nodeID: nil, status: .unresolved, reason: .noContext,
                message: "\(target) is relative but stands outside any §")
        }
        let (id, reason, message) = locate(address)
        if let id {
            return ResolvedTarget(target: target, address: address, nodeID: id, status: .resolved)
        }
        return ResolvedTarget(
            target: target, address: address, nodeID: nil, status: .unresolved, reason: reason, message: message)
    }

    /// ``CitationResolver/absoluteAddress(of:from:)`` with the citing node's address already read.
    static func absoluteAddress(of target: CitationTarget, at place: Address?) -> Address? {
        guard target.isRelative else { return target.address }
        guard let place, place.section != nil else { return nil }
        var address = target.address
        address.section = place.section
        if address.subsection == nil {
            address.subsection = place.subsection ?? 1
            if address.item == nil, address.sentence != nil {
                address.item = place.item
                address.litra = place.litra
            }
        }
        return address
    }

    /// Finds the node an absolute address names, level by level, so that a miss says which level is missing.
    func locate(_ a: Address) -> (NodeID?, UnresolvedReason?, String?) {
        if a.special != nil {
            return table.row(of: a.id) != nil
                ? (a.id, nil, nil) : (nil, .noSuchSection, "the document has no \(a)")
        }
        if let annex = a.annex {
            let id = NodeID.annex(annex)
            if table.row(of: id) != nil { return (id, nil, nil) }
            let count = annexCount
            return (nil, .noSuchAnnex, "there is no bilag \(annex); the document has \(count) \(count == 1 ? "annex" : "annexes")")
        }
        guard let section = a.section else {
            if let chapter = a.chapter {
                let id = NodeID.chapter(chapter)
                if table.row(of: id) != nil { return (id, nil, nil) }
                let last = lastChapter.map { "the last chapter is kapitel \($0)" } ?? "the document has no chapters"
                return (nil, .noSuchChapter, "there is no kapitel \(chapter); \(last)")
            }
            return (nil, .noContext, "the address names no provision")
        }
        let sectionID = NodeID.section(section)
        guard let sectionSlot = table.row(of: sectionID), table.kind(at: sectionSlot) == .section else {
            let last = lastSection.map { "the last § is § \($0)" } ?? "the document has no §"
            return (nil, .noSuchSection, "there is no § \(section); \(last)")
        }
        if a.subsection == nil && a.item == nil && a.sentence == nil { return (sectionID, nil, nil) }
        let stk = a.subsection ?? 1
        let stkID = sectionID.appending(.subsection(stk))
        guard let stkSlot = table.row(of: stkID) else {
            let count = table.childCount(of: sectionSlot, .subsection)
            return (nil, .noSuchSubsection, "§ \(section) has \(count) stk.; there is no stk. \(stk)")
        }
        let stkName = a.subsection == nil ? "§ \(section)" : "§ \(section), stk. \(stk)"
        var containerID = stkID
        var containerSlot = stkSlot
        var containerName = stkName
        if let item = a.item {
            let itemID = stkID.appending(.item(item))
            guard let itemSlot = table.row(of: itemID) else {
                let count = table.childCount(of: stkSlot, .item)
                return (nil, .noSuchItem, "\(stkName) has \(count) \(count == 1 ? "item" : "items"); there is no nr. \(item)")
            }
            containerID = itemID
            containerSlot = itemSlot
            containerName = stkName + ", nr. \(item)"
            if let litra = a.litra {
                let litraID = itemID.appending(.litra(litra))
                guard let litraSlot = table.row(of: litraID) else {
                    return (nil, .noSuchLitra, "\(containerName) has no litra \(litra)")
                }
                containerID = litraID
                containerSlot = litraSlot
                containerName += ", litra \(litra)"
            }
        }
        if let sentence = a.sentence {
            let sentenceID = containerID.appending(.sentence(sentence))
            guard table.row(of: sentenceID) != nil else {
                let count = table.childCount(of: containerSlot, .sentence)
                return (
                    nil, .noSuchSentence,
                    "\(containerName) has \(count) \(count == 1 ? "sentence" : "sentences"); there is no \(sentence). pkt."
                )
            }
            return (sentenceID, nil, nil)
        }
        return (containerID, nil, nil)
    }
}
