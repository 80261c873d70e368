/// The kind of legal instrument.
public enum DocumentType: String, Codable, Hashable, Sendable, CaseIterable {
    /// Lov: an act of parliament.
    case lov
    /// Lovbekendtgørelse (LBK): a consolidated act.
    case lovbekendtgoerelse
    /// Bekendtgørelse (BEK): an executive order.
    case bekendtgoerelse
    /// Cirkulære.
    case cirkulaere
    /// Vejledning.
    case vejledning
    /// Anything else.
    case unknown

    /// The Retsinformation abbreviation: LOV, LBK, BEK, CIR, VEJ.
    public var abbreviation: String {
        switch self {
        case .lov: "LOV"
        case .lovbekendtgoerelse: "LBK"
        case .bekendtgoerelse: "BEK"
        case .cirkulaere: "CIR"
        case .vejledning: "VEJ"
        case .unknown: "?"
        }
    }
}
