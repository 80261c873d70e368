import Paragraf
import ParagrafReferences

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
