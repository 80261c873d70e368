/// Resolves citations against the version they stand in: relative ones against the citing node's place,
/// absolute ones to the node they name; a target that does not exist is reported with its reason.
///
/// The resolver never guesses: "2. pkt." of a stk. with one sentence is ``UnresolvedReason/noSuchSentence``,
/// not the stk. itself.
public struct CitationResolver: Sendable {
    /// The index of the version citations are resolved against.
    public let index: NodeIndex
    private let core: TableResolver

    /// Creates a resolver over an indexed document.
    ///
    /// What a miss reports (the last §, the last chapter, the number of annexes) is computed here once, so
    /// that resolving n citations stays O(n) however many of them miss.
    public init(index: NodeIndex) {
        self.index = index
        self.core = TableResolver(table: NodeTable(index.document))
    }

    /// Creates a resolver over a document (indexing it).
    public init(document: Document) { self.init(index: document.index()) }

    /// Resolves every target of `citation`, reading relative targets against the node `nodeID`
    /// (default: the citation's own ``Citation/nodeID``).
    public func resolve(_ citation: Citation, from nodeID: String? = nil) -> ResolvedCitation {
        core.resolve(citation, from: nodeID)
    }

    /// Resolves one target, reading a relative one against the node `nodeID`.
    public func resolve(_ target: CitationTarget, from nodeID: String?) -> ResolvedTarget {
        core.resolve(target, from: nodeID.flatMap { TableResolver.address(ofID: $0) })
    }

    /// The absolute address of `target` read at node `nodeID`; nil for a relative target with no § around it.
    ///
    /// "stk. 3" takes the §; "nr. 4" and "3. pkt." take the § and stk. (and "3. pkt." in an item the item).
    public func absoluteAddress(of target: CitationTarget, from nodeID: String?) -> Address? {
        TableResolver.absoluteAddress(of: target, at: nodeID.flatMap { TableResolver.address(ofID: $0) })
    }

    /// Finds the node an absolute address names, level by level, so that a miss says which level is missing.
    func locate(_ a: Address) -> (String?, UnresolvedReason?, String?) { core.locate(a) }
}

/// The resolver's work over a ``NodeTable``: what ``CitationResolver`` does, without needing a
/// ``NodeIndex`` (``ReferenceGraph`` resolves with this alone).
struct TableResolver: Sendable {
    let table: NodeTable

    /// Resolves every target of `citation` (as ``CitationResolver`` does); the citing node's address is
    /// read once per citation, and only when a target needs it.
    func resolve(_ citation: Citation, from nodeID: String? = nil) -> ResolvedCitation {
        let context = nodeID ?? citation.nodeID
        var place: Address?
        if let context, citation.targets.contains(where: { $0.act == nil && $0.isRelative }) {
            place = Self.address(ofID: context)
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
    func locate(_ a: Address) -> (String?, UnresolvedReason?, String?) {
        if let special = a.special {
            return table.slot(special.rawValue) != nil
                ? (special.rawValue, nil, nil) : (nil, .noSuchSection, "the document has no \(a)")
        }
        if let annex = a.annex {
            let id = "bilag" + annex
            if table.slot(id) != nil { return (id, nil, nil) }
            let count = table.annexCount
            return (nil, .noSuchAnnex, "there is no bilag \(annex); the document has \(count) \(count == 1 ? "annex" : "annexes")")
        }
        guard let section = a.section else {
            if let chapter = a.chapter {
                let id = "kap" + chapter
                if table.slot(id) != nil { return (id, nil, nil) }
                let last = table.lastChapter ?? "none"
                return (nil, .noSuchChapter, "there is no kapitel \(chapter); the last chapter is kapitel \(last)")
            }
            return (nil, .noContext, "the address names no provision")
        }
        let sectionID = "p" + Self.removingSpaces(section)
        guard let sectionSlot = table.slot(sectionID), table.slots[sectionSlot].kind == .section else {
            return (nil, .noSuchSection, "there is no § \(section); the last § is § \(table.lastSection ?? "none")")
        }
        if a.subsection == nil && a.item == nil && a.sentence == nil { return (sectionID, nil, nil) }
        let stk = a.subsection ?? 1
        let stkID = sectionID + "/stk" + String(stk)
        guard let stkSlot = table.slot(stkID) else {
            let count = table.childCount(of: sectionSlot, .subsection)
            return (nil, .noSuchSubsection, "§ \(section) has \(count) stk.; there is no stk. \(stk)")
        }
        let stkName = a.subsection == nil ? "§ \(section)" : "§ \(section), stk. \(stk)"
        var containerID = stkID
        var containerSlot = stkSlot
        var containerName = stkName
        if let item = a.item {
            let itemID = stkID + "/nr" + item
            guard let itemSlot = table.slot(itemID) else {
                let count = table.childCount(of: stkSlot, .item)
                return (nil, .noSuchItem, "\(stkName) has \(count) \(count == 1 ? "item" : "items"); there is no nr. \(item)")
            }
            containerID = itemID
            containerSlot = itemSlot
            containerName = stkName + ", nr. \(item)"
            if let litra = a.litra {
                let litraID = itemID + "/" + litra
                guard let litraSlot = table.slot(litraID) else {
                    return (nil, .noSuchLitra, "\(containerName) has no litra \(litra)")
                }
                containerID = litraID
                containerSlot = litraSlot
                containerName += ", litra \(litra)"
            }
        }
        if let sentence = a.sentence {
            let sentenceID = containerID + "/pkt" + String(sentence)
            guard table.slot(sentenceID) != nil else {
                let count = table.childCount(of: containerSlot, .sentence)
                return (nil, .noSuchSentence,
                    "\(containerName) has \(count) \(count == 1 ? "sentence" : "sentences"); there is no \(sentence). pkt.")
            }
            return (sentenceID, nil, nil)
        }
        return (containerID, nil, nil)
    }

    /// `text` without its spaces, as ``Address/id`` writes a § number ("4 a" is "p4a").
    static func removingSpaces(_ text: String) -> String {
        var ascii = true
        var spaces = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false } else if byte == 0x20 { spaces = true }
        }
        if !ascii { return text.replacingOccurrences(of: " ", with: "") }
        if !spaces { return text }
        return String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    /// `Address(id:)`, read byte by byte for the ids Paragraf makes (printable ASCII); any other id goes to
    /// `Address(id:)` itself. The two agree on every id (the tests compare them).
    static func address(ofID id: String) -> Address? {
        var id = id
        return id.withUTF8 { bytes -> Address?? in
            for byte in bytes where byte < 0x20 || byte > 0x7E { return .none }
            return .some(asciiAddress(bytes))
        } ?? Address(id: id)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// `Address(id:)` over printable ASCII, where every byte is one `Character`.
    private static func asciiAddress(_ b: UnsafeBufferPointer<UInt8>) -> Address? {
        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
        func hasPrefix(_ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
            ScanBytes.matches(b, start, end, prefix)
        }
        /// `Int(text)`: an optional sign and at least one digit, nil on overflow.
        func integer(_ start: Int, _ end: Int) -> Int? {
            var k = start
            var negative = false
            if k < end, b[k] == 0x2B || b[k] == 0x2D {
                negative = b[k] == 0x2D
                k += 1
            }
            guard k < end else { return nil }
            var value = 0
            while k < end {
                guard isDigit(b[k]) else { return nil }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let digit = Int(b[k] - 0x30)
                let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = next
                k += 1
            }
            return value
        }
        let n = b.count
        var address = Address()
        switch text(0, n) {
        case "title": address.special = .title; return address
        case "preamble": address.special = .preamble; return address
        case "signature": address.special = .signature; return address
        default: break
        }
        if hasPrefix(0, n, "bilag") {
            guard n > 5, b[5..<n].allSatisfy(isDigit) else { return nil }
            address.annex = text(5, n)
            return address
        }
        if hasPrefix(0, n, "kap") {
            var d = 3
            while d < n, isDigit(b[d]) { d += 1 }
            if d > 3 && n - d <= 1 && b[d..<n].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                address.chapter = d == n ? text(3, d) : text(3, d) + " " + text(d, n)
            } else if n > 3 && b[3..<n].allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C || $0 == 0x43 }) {
                address.chapter = text(3, n)
            } else {
                return nil
            }
            return address
        }
        // The parts between "/", empty ones dropped (as `split` does).
        var parts: [(Int, Int)] = []
        var start = 0
        for k in 0...n where k == n || b[k] == 0x2F {
            if k > start { parts.append((start, k)) }
            start = k + 1
        }
        guard let (firstStart, firstEnd) = parts.first, b[firstStart] == 0x70 else { return nil }
        var d = firstStart + 1
        while d < firstEnd, isDigit(b[d]) { d += 1 }
        guard d > firstStart + 1 else { return nil }
        address.section = d == firstEnd ? text(firstStart + 1, d) : text(firstStart + 1, d) + " " + text(d, firstEnd)
        for (partStart, partEnd) in parts.dropFirst() {
            if hasPrefix(partStart, partEnd, "stk"), let v = integer(partStart + 3, partEnd) {
                address.subsection = v
            } else if hasPrefix(partStart, partEnd, "nr") {
                address.item = text(partStart + 2, partEnd)
            } else if hasPrefix(partStart, partEnd, "pkt"), let v = integer(partStart + 3, partEnd) {
                address.sentence = v
            } else if partEnd - partStart == 1 {
                address.litra = text(partStart, partEnd)
            } else {
                return nil
            }
        }
        return address
    }
}
