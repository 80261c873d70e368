/// The mapping between legal addresses and node ids, both ways, in one place.
extension Address {
    /// The id of the node this address names, e.g. `p17/stk3`, `p2/stk1/nr4`, `kap4`, `bilag1`.
    ///
    /// "§ 17, 2. pkt." and "§ 25, nr. 4" name the first stk. of the section, as Danish usage does when a
    /// section has one stk.
    public var id: NodeID {
        if let special {
            switch special {
            case .title: return .title
            case .preamble: return .preamble
            case .signature: return .signature
            }
        }
        if let annex { return NodeID(.annex(annex)) }
        guard let section else { return chapter.map { NodeID(.chapter($0)) } ?? .document }
        var id = NodeID(.section(section))
        if subsection == nil && item == nil && sentence == nil { return id }
        id = id.appending(.subsection(subsection ?? 1))
        if let item { id = id.appending(.item(item)) }
        if let litra { id = id.appending(.litra(litra)) }
        if let sentence { id = id.appending(.sentence(sentence)) }
        return id
    }

    /// The address of the node with `id`, the inverse of ``id``; nil for ids with no legal address (parts,
    /// blocks, unplaced text, the document).
    ///
    /// A repeated § or nr. keeps its occurrence in its number (`p5~2` is "§ 5 ~2", `p1/stk1/nr3~2` nr. "3~2"),
    /// so that the address names the repeat and not the first one; other repeated steps have no address.
    public init?(id: NodeID) {
        // Read component by component into one local address, without an array of components: the diff names
        // every provision it reports through its address, and the resolver reads the address of every citing
        // node.
        var address = Address()
        var count = 0
        var valid = true
        let readable = id.forEachComponent { component in
            guard valid else { return }
            count += 1
            let once = component.occurrence == 1
            let top = count == 1
            // Only a § has steps inside it.
            let inSection = !top && address.section != nil
            switch component.step {
            case .title where top && once: address.special = .title
            case .preamble where top && once: address.special = .preamble
            case .signature where top && once: address.special = .signature
            case .annex(let number) where top && once && !number.isEmpty && number.utf8.allSatisfy(Self.isDigit):
                address.annex = number
            case .chapter(let number) where top && once && Self.isChapterNumber(number): address.chapter = number
            case .section(let number) where top && number.utf8.first.map(Self.isDigit) == true:
                address.section = once ? number : number + (number.contains(" ") ? "" : " ") + "~\(component.occurrence)"
            case .subsection(let n) where inSection && once: address.subsection = n
            case .sentence(let n) where inSection && once: address.sentence = n
            case .item(let n) where inSection: address.item = once ? n : n + "~\(component.occurrence)"
            case .litra(let letter) where inSection && once && letter.count == 1: address.litra = letter
            default: valid = false
            }
        }
        guard readable, valid, count > 0 else { return nil }
        self = address
    }

    /// The citation of the node `id` names, read from the citation of its parent `parent` (of kind
    /// `parentKind`, cited as `parentCitation`) and its own last step: ", stk. 3" after a §, ", nr. 2" after
    /// a stk., ", 2. pkt." after a stk. or nr. Nil in every other case, and wherever the result would not be
    /// `Address(id: id)?.description` (a parent without an address, a repeated stk. or pkt.): the caller then
    /// reads the address.
    ///
    /// A fast path beside `Address(id:)` and ``description``, kept for issue 13's 10 % budget of the diff: the
    /// diff cites nearly every node it reports, and `FlatVersion.citation` cost 23.9 M of 235.7 M instructions
    /// of `VersionDiff.compare` of the ×10 pair given the graphs reading every address from its id, 15.3 M
    /// this way (-3.8 % of the diff; callgrind). A test compares both for every node of real texts.
    public static func citation(of id: NodeID, parent: NodeID, parentKind: NodeKind, parentCitation: String) -> String? {
        // An address's description starts with "§ " (an id's string form never does); its three bytes read
        // one by one.
        var bytes = parentCitation.utf8.makeIterator()
        guard bytes.next() == 0xC2, bytes.next() == 0xA7, bytes.next() == 0x20, id.isChild(of: parent) else { return nil }
        let depth = parent.depth
        let last = id.last
        // The last part is short (", stk. 3", ", 2. pkt.": a small string, built without allocating) and is
        // joined to the parent's citation once: interpolating, or appending piece by piece, cost more.
        let part: String
        switch last.step {
        case .subsection(let n) where depth == 1 && parentKind == .section && last.occurrence == 1:
            part = ", stk. " + String(n)
        case .item(let n) where depth == 2 && parentKind == .subsection:
            let item = last.occurrence == 1 ? n : "\(n)~\(last.occurrence)"
            part = (startsWithLetter(item) ? ", litra " : ", nr. ") + item
        case .sentence(let n) where (depth == 2 || depth == 3) && parentKind != .sentence && last.occurrence == 1:
            // The sentence is the last part of a description, after any stk., nr. or litra of the parent.
            part = ", " + String(n) + ". pkt."
        default:
            return nil
        }
        return parentCitation + part
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// "4", "6 a" (digits and at most one lower-case letter) or a Roman numeral ("IV").
    private static func isChapterNumber(_ number: String) -> Bool {
        let bytes = Array(number.utf8)
        var d = 0
        while d < bytes.count, isDigit(bytes[d]) { d += 1 }
        if d > 0 {
            return d == bytes.count || (d + 2 == bytes.count && bytes[d] == 0x20 && bytes[d + 1] >= 0x61 && bytes[d + 1] <= 0x7A)
        }
        return !bytes.isEmpty && bytes.allSatisfy { "IVXLC".utf8.contains($0) }
    }
}
