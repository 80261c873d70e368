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
        self.init()
        let components = id.components
        guard let first = components.first else { return nil }
        switch first.step {
        case .title, .preamble, .signature:
            guard components.count == 1, first.occurrence == 1 else { return nil }
            special = first.step == .title ? .title : first.step == .preamble ? .preamble : .signature
        case .annex(let number):
            guard components.count == 1, first.occurrence == 1, !number.isEmpty, number.utf8.allSatisfy(Self.isDigit)
            else { return nil }
            annex = number
        case .chapter(let number):
            guard components.count == 1, first.occurrence == 1, Self.isChapterNumber(number) else { return nil }
            chapter = number
        case .section(let number):
            guard let lead = number.utf8.first, Self.isDigit(lead) else { return nil }
            section = first.occurrence == 1 ? number : number + (number.contains(" ") ? "" : " ") + "~\(first.occurrence)"
            for component in components.dropFirst() {
                guard read(component) else { return nil }
            }
        case .document, .part, .subsection, .item, .litra, .sentence, .block, .unplaced:
            return nil
        }
    }

    /// Sets the level a step inside a § names; false when it names none.
    private mutating func read(_ component: NodeID.Component) -> Bool {
        switch component.step {
        case .subsection(let n) where component.occurrence == 1: subsection = n
        case .sentence(let n) where component.occurrence == 1: sentence = n
        case .item(let n): item = component.occurrence == 1 ? n : n + "~\(component.occurrence)"
        case .litra(let letter) where component.occurrence == 1 && letter.count == 1: litra = letter
        default: return false
        }
        return true
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
