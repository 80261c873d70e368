/// What a document does in the history of a work, read from its type and title.
public enum DocumentRole: String, Codable, Hashable, Sendable, CaseIterable {
    /// A whole version of a work: a bekendtgørelse, a consolidated act (LBK), an act.
    case version
    /// An amending instrument ("Lov om ændring af …", "Bekendtgørelse om ændring af …"): it changes a work.
    case amendment
    /// A commencement order ("Bekendtgørelse om ikrafttræden af …").
    case commencement
    /// An instrument that only repeals ("Bekendtgørelse om ophævelse af …").
    case repeal

    /// The role of a document of type `type` ("BEK") with Retsinformation type `rtype` ("BEK Æ") and `title`.
    static func of(type: String, rtype: String?, title: String?) -> DocumentRole {
        let title = (title ?? "").lowercased()
        if title.contains("om ændring af") || title.hasPrefix("ændringslov") || (rtype?.contains("Æ") ?? false) {
            return .amendment
        }
        if title.contains("om ikrafttræden ") || title.hasPrefix("ikrafttrædelsesbekendtgørelse") { return .commencement }
        if title.hasPrefix("bekendtgørelse om ophævelse af") || title.hasPrefix("lov om ophævelse af") { return .repeal }
        return .version
    }
}
