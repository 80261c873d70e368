/// One provision a citation names, with the act it belongs to when that is not the citing document.
public struct CitationTarget: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The address. For a relative citation only the levels written are set ("stk. 3" has only
    /// `subsection`); the resolver fills in the rest from the citing node.
    public var address: Address
    /// The act the provision belongs to; nil for the citing document itself (or, in prose, when no act
    /// is named).
    public var act: ActIdentity?
    /// Whether the target was produced by expanding a range ("§§ 26-29" gives 26, 27, 28, 29).
    public var isRangeMember: Bool

    /// Creates a target.
    public init(address: Address, act: ActIdentity? = nil, isRangeMember: Bool = false) {
        self.address = address
        self.act = act
        self.isRangeMember = isRangeMember
    }

    /// Whether the address names no section, chapter, annex or special part, so it needs a place to be
    /// read against ("stk. 3", "nr. 4", "2. pkt.").
    public var isRelative: Bool {
        address.section == nil && address.chapter == nil && address.annex == nil && address.special == nil
    }

    /// The address in citation form, with the act: "§ 64 b (sundhedsloven)".
    public var description: String {
        var text = isRelative ? Citation.relativeDescription(address) : address.description
        if let act { text += " (\(act.name))" }
        return text
    }
}
