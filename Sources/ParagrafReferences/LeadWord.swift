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
