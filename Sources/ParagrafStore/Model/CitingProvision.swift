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

/// Every provision in the corpus that cites a provision of a work.
public struct CitedByResult: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// What was asked, in citation form: "§ 135 (sundhedsloven)".
    public var target: String
    /// The work cited.
    public var work: String
    /// The citing provisions, by document date then place.
    public var citations: [CitingProvision]
    /// How many documents cite it.
    public var documents: Int
}

/// A bekendtgørelse's legal basis: the provisions its preamble names after "I medfør af", resolved.
public struct BasisResult: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The version asked about.
    public var version: StoredVersion
    /// The preamble as written, when a source of the version has it.
    public var preamble: String?
    /// The enabling provisions, in the order written.
    public var provisions: [CitingProvision]
    /// Why there is no basis to show (no preamble in the version's sources), if so.
    public var note: String?
}

/// The documents issued under a provision: those whose preamble names it as legal basis.
public struct IssuedUnderResult: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// What was asked, in citation form.
    public var target: String
    /// The work cited.
    public var work: String
    /// The documents, by date, each with the provisions of the target it names.
    public var documents: [IssuedDocument]
    /// How many documents of the corpus state no legal basis (their sources have no preamble), so they cannot
    /// be placed.
    public var withoutPreamble: Int

    /// One document issued under the target.
    public struct IssuedDocument: Codable, Hashable, Sendable {
        /// The document.
        public var document: DocumentSummary
        /// Its work's id.
        public var work: String?
        /// Its version's interval.
        public var validFrom: LegalDate?
        /// The end of its version's interval.
        public var validTo: LegalDate?
        /// The provisions of the target it names ("§ 134, stk. 2").
        public var provisions: [String]
        /// The version of the act they were resolved in.
        public var citedVersion: String?
    }
}
