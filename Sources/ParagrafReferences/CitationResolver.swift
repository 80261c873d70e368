/// Resolves citations against the version they stand in: relative ones against the citing node's place,
/// absolute ones to the node they name; a target that does not exist is reported with its reason.
///
/// The resolver never guesses: "2. pkt." of a stk. with one sentence is ``UnresolvedReason/noSuchSentence``,
/// not the stk. itself.
public struct CitationResolver: Sendable {
    /// The index of the version citations are resolved against.
    public let index: NodeIndex
    private let lastSection: String?
    private let lastChapter: String?
    private let annexCount: Int

    /// Creates a resolver over an indexed document.
    ///
    /// What a miss reports (the last §, the last chapter, the number of annexes) is computed here once, so
    /// that resolving n citations stays O(n) however many of them miss.
    public init(index: NodeIndex) {
        self.index = index
        self.lastSection = index.document.sections.last?.number
        self.lastChapter = index.document.chapters.last?.number
        self.annexCount = index.document.annexes.count
    }

    /// Creates a resolver over a document (indexing it).
    public init(document: Document) { self.init(index: document.index()) }

    /// Resolves every target of `citation`, reading relative targets against the node `nodeID`
    /// (default: the citation's own ``Citation/nodeID``).
    public func resolve(_ citation: Citation, from nodeID: String? = nil) -> ResolvedCitation {
        let context = nodeID ?? citation.nodeID
        return ResolvedCitation(
            citation: citation, sourceID: context,
            targets: citation.targets.map { resolve($0, from: context) })
    }

    /// Resolves one target, reading a relative one against the node `nodeID`.
    public func resolve(_ target: CitationTarget, from nodeID: String?) -> ResolvedTarget {
        if target.act != nil {
            return ResolvedTarget(target: target, address: target.address, nodeID: nil, status: .external)
        }
        guard let address = absoluteAddress(of: target, from: nodeID) else {
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

    /// The absolute address of `target` read at node `nodeID`; nil for a relative target with no § around it.
    ///
    /// "stk. 3" takes the §; "nr. 4" and "3. pkt." take the § and stk. (and "3. pkt." in an item the item).
    public func absoluteAddress(of target: CitationTarget, from nodeID: String?) -> Address? {
        guard target.isRelative else { return target.address }
        guard let nodeID, let place = Address(id: nodeID), place.section != nil else { return nil }
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
    func locate(_ a: Address) -> (String?, UnresolvedReason?, String?) {
        if let special = a.special {
            return index.node(special.rawValue) != nil
                ? (special.rawValue, nil, nil) : (nil, .noSuchSection, "the document has no \(a)")
        }
        if let annex = a.annex {
            let id = "bilag" + annex
            if index.node(id) != nil { return (id, nil, nil) }
            let count = annexCount
            return (nil, .noSuchAnnex, "there is no bilag \(annex); the document has \(count) \(count == 1 ? "annex" : "annexes")")
        }
        guard let section = a.section else {
            if let chapter = a.chapter {
                let id = "kap" + chapter
                if index.node(id) != nil { return (id, nil, nil) }
                let last = lastChapter ?? "none"
                return (nil, .noSuchChapter, "there is no kapitel \(chapter); the last chapter is kapitel \(last)")
            }
            return (nil, .noContext, "the address names no provision")
        }
        let sectionID = "p" + section.replacingOccurrences(of: " ", with: "")
        guard let sectionNode = index.node(sectionID), sectionNode.kind == .section else {
            return (nil, .noSuchSection, "there is no § \(section); the last § is § \(lastSection ?? "none")")
        }
        if a.subsection == nil && a.item == nil && a.sentence == nil { return (sectionID, nil, nil) }
        let stk = a.subsection ?? 1
        let stkID = sectionID + "/stk\(stk)"
        guard index.node(stkID) != nil else {
            let count = sectionNode.children(.subsection).count
            return (nil, .noSuchSubsection, "§ \(section) has \(count) stk.; there is no stk. \(stk)")
        }
        let stkName = a.subsection == nil ? "§ \(section)" : "§ \(section), stk. \(stk)"
        var containerID = stkID
        var containerName = stkName
        if let item = a.item {
            let itemID = stkID + "/nr" + item
            guard index.node(itemID) != nil else {
                let count = index.node(stkID)?.children(.item).count ?? 0
                return (nil, .noSuchItem, "\(stkName) has \(count) \(count == 1 ? "item" : "items"); there is no nr. \(item)")
            }
            containerID = itemID
            containerName = stkName + ", nr. \(item)"
            if let litra = a.litra {
                let litraID = itemID + "/" + litra
                guard index.node(litraID) != nil else {
                    return (nil, .noSuchLitra, "\(containerName) has no litra \(litra)")
                }
                containerID = litraID
                containerName += ", litra \(litra)"
            }
        }
        if let sentence = a.sentence {
            let sentenceID = containerID + "/pkt\(sentence)"
            guard index.node(sentenceID) != nil else {
                let count = index.node(containerID)?.children(.sentence).count ?? 0
                return (nil, .noSuchSentence,
                    "\(containerName) has \(count) \(count == 1 ? "sentence" : "sentences"); there is no \(sentence). pkt.")
            }
            return (sentenceID, nil, nil)
        }
        return (containerID, nil, nil)
    }
}
