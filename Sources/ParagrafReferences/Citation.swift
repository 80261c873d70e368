/// The words that introduce a citation and say how it is meant: "jf.", "jf. dog", "i henhold til" …
///
/// The raw value is the Danish phrase as a reader sees it; ``none`` has an empty raw value.
public enum LeadWord: String, Codable, Hashable, Sendable, CaseIterable {
    /// "jf." (*jævnfør*, compare/see).
    case jf = "jf."
    /// "jf. dog" (an exception: "see, however").
    case jfDog = "jf. dog"
    /// "i henhold til" (pursuant to).
    case iHenholdTil = "i henhold til"
    /// "efter" (under), also "efter reglerne i".
    case efter = "efter"
    /// "omfattet af" (covered by), also "omfattede af".
    case omfattetAf = "omfattet af"
    /// "nævnt i" (mentioned in), also "nævnte i".
    case naevntI = "nævnt i"
    /// "i medfør af" (by virtue of: a legal basis).
    case iMedfoerAf = "i medfør af"
    /// "med hjemmel i" (with authority in: a legal basis).
    case medHjemmelI = "med hjemmel i"
    /// "uanset" (notwithstanding: an exception).
    case uanset = "uanset"
    /// No lead word.
    case none = ""
}

/// What a citation points at.
public enum CitationKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A provision of the same document named absolutely: "§ 17, stk. 3", "kapitel 3", "bilag 1".
    case internalAbsolute
    /// A provision of the same document named relative to where the citation stands: "stk. 3", "nr. 4",
    /// "2. pkt.".
    case internalRelative
    /// A provision of (or the whole of) another act: "§ 64 b i sundhedsloven", "servicelovens §§ 104 og 110".
    case externalAct
    /// Another instrument by type, number and date: "lovbekendtgørelse nr. 903 af 26. august 2019".
    case otherInstrument
    /// An EU regulation: "forordning (EF) nr. 883/2004".
    case euRegulation
}

/// A normalized identity for an act, so that "serviceloven", "servicelovens" and "lov om social service"
/// compare equal.
public struct ActIdentity: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Stable key: the short name in lower case ("sundhedsloven", "serviceloven", "aktivloven"), or for an
    /// act not in the alias table its normalized name in lower case ("lov om almene boliger").
    public var key: String
    /// The name a reader knows it by ("sundhedsloven", "lov om social service").
    public var name: String
    /// Whether the act is in the ``ActTable`` (false for a "lov om …" read generically).
    public var isKnown: Bool

    /// Creates an act identity.
    public init(key: String, name: String, isKnown: Bool) {
        self.key = key
        self.name = name
        self.isKnown = isKnown
    }

    /// The name.
    public var description: String { name }
}

/// An EU regulation or directive: "forordning (EF) nr. 883/2004".
public struct EURegulation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// "forordning" or "direktiv".
    public var type: String
    /// "EF", "EU", "EØF", when written.
    public var series: String?
    /// The number as written: "883/2004".
    public var number: String

    /// Creates an EU regulation reference.
    public init(type: String, series: String?, number: String) {
        self.type = type
        self.series = series
        self.number = number
    }

    /// "forordning (EF) nr. 883/2004", "direktiv 2011/24/EU" (directives are cited without "nr.").
    public var description: String {
        "\(type)" + (series.map { " (\($0))" } ?? "") + (type == "direktiv" ? " " : " nr. ") + number
    }
}

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

/// A range as written ("§§ 26-29", "stk. 2-3", "kapitel 1-5"), kept besides its expanded members.
public struct CitationRange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The first address of the range.
    public var lower: Address
    /// The last address of the range.
    public var upper: Address

    /// Creates a range.
    public init(lower: Address, upper: Address) {
        self.lower = lower
        self.upper = upper
    }

    /// "§ 26 – § 29".
    public var description: String { "\(lower) – \(upper)" }
}

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
