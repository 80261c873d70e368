import Paragraf
import ParagrafReferences

/// A provision that cites another document's provision, as `cited-by`, `issued-under` and `basis` list it.
public struct CitingProvision: Codable, Hashable, Sendable {
    /// The citing document.
    public var document: DocumentSummary
    /// Its work's id.
    public var work: String?
    /// Its version's short name.
    public var version: String?
    /// The citing provision in citation form ("§ 5, stk. 2", "indledning").
    public var place: String
    /// The citing node's id.
    public var path: String
    /// The citation as written ("sundhedslovens § 135").
    public var citation: String
    /// Its lead word ("jf.", "i medfør af", or "").
    public var lead: String
    /// The edge type its lead word gives.
    public var edge: CitationEdge
    /// The provision cited, in citation form ("§ 135"), or "" when only the act or instrument is named.
    public var cited: String
    /// The version the citation was resolved in ("LBK 903/2019"), when the corpus has one.
    public var citedVersion: String?
    /// "linked" (the provision is there), "missing" (not in the version that applied) or "external".
    public var status: String
    /// Why it is missing or external.
    public var reason: String?
    /// The text of the citing sentence.
    public var sentence: String
}
