import GRDB
import Paragraf
import ParagrafReferences

/// The lint of a whole corpus: every citation that leads nowhere.
public struct CheckReport: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// Documents checked (one source per version: the preferred one).
    public var documents: Int
    /// Amending, commencement and repealing instruments not checked: their §§ quote the act they change, so
    /// their citations name that act's provisions, not their own.
    public var notChecked: Int
    /// Internal citation targets that do not exist in their own document.
    public var unresolved: Int
    /// Citation targets in another document of the corpus that are not in the version that applied.
    public var missing: Int
    /// The counts per document type.
    public var types: [TypeCount]
    /// The first findings (internal first, then across documents), by type and date.
    public var cases: [Finding]

    /// The counts of one document type.
    public struct TypeCount: Codable, Hashable, Sendable {
        /// "BEK", "LBK", …
        public var type: String
        /// Documents of the type checked.
        public var documents: Int
        /// Of them, with at least one unresolved internal citation.
        public var documentsWithFindings: Int
        /// Unresolved internal citation targets.
        public var unresolved: Int
        /// Citation targets missing in another document.
        public var missing: Int
    }

    /// One citation that leads nowhere.
    public struct Finding: Codable, Hashable, Sendable {
        /// The document.
        public var document: DocumentSummary
        /// The citing provision, in citation form.
        public var place: String
        /// The citation as written, with its lead word.
        public var citation: String
        /// "unresolved" (within the document) or "missing" (in the cited document).
        public var status: String
        /// Why: "§ 22, stk. 1 has 1 sentence; there is no 2. pkt.".
        public var reason: String
        /// The citing sentence.
        public var sentence: String
    }
}
