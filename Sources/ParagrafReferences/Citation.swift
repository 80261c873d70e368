/// One citation found in a text: where it stands, how it is introduced, what kind it is and what it names.
///
/// A chain such as "§ 78, stk. 2, § 129, stk. 3 … og § 166, stk. 4, i sundhedsloven" is one citation with
/// many targets; the closing act applies to all of them.
public struct Citation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The citation as written, whitespace normalized ("§ 17, stk. 3"), lead word excluded.
    public var text: String
    /// The bytes of the citation in the source (lead word excluded), with line and column.
    public var span: SourceRange
    /// The lead word that introduces it.
    public var lead: LeadWord
    /// What it points at.
    public var kind: CitationKind
    /// The provisions named, lists and ranges expanded, in the order written.
    public var targets: [CitationTarget]
    /// Ranges as written, for "§§ 26-29"-style citations.
    public var ranges: [CitationRange]
    /// The act the citation names, for ``CitationKind/externalAct`` (nil when only a provision is given).
    public var act: ActIdentity?
    /// The instrument, for ``CitationKind/otherInstrument``.
    public var instrument: InstrumentReference?
    /// The EU regulation, for ``CitationKind/euRegulation``.
    public var euRegulation: EURegulation?
    /// The id of the node whose text holds the citation (nil for free prose).
    public var nodeID: NodeID?

    /// Creates a citation.
    public init(
        text: String, span: SourceRange, lead: LeadWord = .none, kind: CitationKind, targets: [CitationTarget] = [],
        ranges: [CitationRange] = [], act: ActIdentity? = nil, instrument: InstrumentReference? = nil,
        euRegulation: EURegulation? = nil, nodeID: NodeID? = nil
    ) {
        self.text = text
        self.span = span
        self.lead = lead
        self.kind = kind
        self.targets = targets
        self.ranges = ranges
        self.act = act
        self.instrument = instrument
        self.euRegulation = euRegulation
        self.nodeID = nodeID
    }

    /// The lead word and the text: "jf. dog § 18, stk. 3".
    public var description: String { lead == .none ? text : "\(lead.rawValue) \(text)" }

    /// Whether the citation names provisions of the document it stands in.
    public var isInternal: Bool { kind == .internalAbsolute || kind == .internalRelative }

    /// A relative address in citation form: "stk. 3, nr. 2, 2. pkt.".
    /// (Built by appending: the resolver writes one into the message of every relative target outside a §.)
    static func relativeDescription(_ address: Address) -> String {
        var text = ""
        func add(_ prefix: String, _ value: String, _ suffix: String = "") {
            if !text.isEmpty { text += ", " }
            text += prefix
            text += value
            text += suffix
        }
        if let subsection = address.subsection { add("stk. ", String(subsection)) }
        if let item = address.item { add((item.first?.isLetter ?? false) ? "litra " : "nr. ", item) }
        if let litra = address.litra { add("litra ", litra) }
        if let sentence = address.sentence { add("", String(sentence), ". pkt.") }
        return text
    }
}
