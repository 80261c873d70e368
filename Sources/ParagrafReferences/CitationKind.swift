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
