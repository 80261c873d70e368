/// Whether a provision obliges, permits, recommends or states what an authority does.
public enum Modality: String, Codable, Hashable, Sendable, Comparable {
    /// "skal", "har pligt til", "er forpligtet til".
    case must
    /// "bør".
    case should
    /// "kan", "må".
    case may
    /// A verb in the present tense: "Regionsrådet yder …".
    case does

    /// The Danish word a reader recognizes.
    public var danish: String {
        switch self {
        case .must: "skal"
        case .should: "bør"
        case .may: "kan"
        case .does: "(udfører)"
        }
    }

    public static func < (lhs: Modality, rhs: Modality) -> Bool { lhs.rawValue < rhs.rawValue }
}
