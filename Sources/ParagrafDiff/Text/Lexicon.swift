/// Small word lists the diff engine uses as hints: era terms that name the same role in the amt and the
/// region era, modal verbs, and the suffixes of actor nouns.
///
/// The era list only makes provisions *comparable* during alignment and lets a seed pair count as a
/// systematic substitution from its first occurrence; which substitutions a diff reports, and how often,
/// always comes from the two texts.
public enum Lexicon {
    /// Amt-era and region-era spellings of the same role, folded to one class for similarity.
    public static let eraEquivalents: [String: String] = [
        "amtsrådet": "⟨råd⟩", "regionsrådet": "⟨råd⟩",
        "amtsrådets": "⟨råds⟩", "regionsrådets": "⟨råds⟩",
        "amtskommunen": "⟨region⟩", "regionen": "⟨region⟩", "amtet": "⟨region⟩",
        "amtskommunens": "⟨regions⟩", "regionens": "⟨regions⟩",
        "amtskommunerne": "⟨regioner⟩", "regionerne": "⟨regioner⟩",
        "amtskommunale": "⟨regional⟩", "regionale": "⟨regional⟩", "amtslige": "⟨regional⟩",
        "bopælsamtskommunen": "⟨bopælsregion⟩", "bopælsregionen": "⟨bopælsregion⟩",
        "amtstandpleje": "⟨regionstandpleje⟩", "regionstandpleje": "⟨regionstandpleje⟩",
        "amtstandplejen": "⟨regionstandplejen⟩", "regionstandplejen": "⟨regionstandplejen⟩",
        "amtsspecialtandpleje": "⟨regionstandpleje⟩", "amtsspecialtandplejen": "⟨regionstandplejen⟩",
        "sygesikringstandplejen": "⟨praksistandplejen⟩", "praksistandplejen": "⟨praksistandplejen⟩",
    ]

    /// Whether `old → new` is a known pair of era terms.
    public static func isEraPair(_ old: String, _ new: String) -> Bool {
        guard let a = eraEquivalents[old], let b = eraEquivalents[new] else { return false }
        return a == b && old != new
    }

    /// How a provision obliges or permits.
    public static let modalities: [String: Modality] = [
        "skal": .must, "kan": .may, "må": .may, "bør": .should,
        "yder": .does, "betaler": .does, "træffer": .does, "udsteder": .does, "nedsætter": .does,
        "fastsætter": .does, "varetager": .does, "afholder": .does, "udarbejder": .does,
    ]

    /// Endings of nouns that name an authority ("kommunalbestyrelsen", "regionsrådet", "Sundhedsstyrelsen").
    public static let actorSuffixes = [
        "rådet", "rådene", "bestyrelsen", "bestyrelserne", "bestyrelse", "regionen", "regionerne", "region",
        "kommunen", "kommunerne", "kommune", "amtet", "styrelsen", "udvalget", "ministeren", "ministeriet",
    ]
}
