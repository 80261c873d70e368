/// What a citation says about the provision it names, read from its lead words: the type of the edge in the
/// citation graph of a corpus.
///
/// | edge | lead words |
/// |---|---|
/// | ``support`` | "jf." |
/// | ``exception`` | "jf. dog", "uanset" |
/// | ``legalBasis`` | "i medfør af", "med hjemmel i" |
/// | ``condition`` | "efter", "i henhold til", "omfattet af" |
/// | ``reference`` | "nævnt i", or no lead word |
public enum CitationEdge: String, Codable, Hashable, Sendable, CaseIterable {
    /// "jf.": the cited provision supports or explains the citing one.
    case support
    /// "jf. dog", "uanset": the cited provision is an exception to the citing one (or overrides it).
    case exception
    /// "i medfør af", "med hjemmel i": the cited provision is the citing text's legal basis (hjemmel).
    case legalBasis
    /// "efter", "i henhold til", "omfattet af": the citing provision applies under the cited one's terms.
    case condition
    /// "nævnt i" or no lead word: a plain mention.
    case reference

    /// The edge a lead word gives.
    public init(lead: LeadWord) {
        switch lead {
        case .jf: self = .support
        case .jfDog, .uanset: self = .exception
        case .iMedfoerAf, .medHjemmelI: self = .legalBasis
        case .efter, .iHenholdTil, .omfattetAf: self = .condition
        case .naevntI, .none: self = .reference
        }
    }
}

extension Citation {
    /// The edge type of the citation, from its lead word.
    public var edge: CitationEdge { CitationEdge(lead: lead) }
}
