import Paragraf
import ParagrafReferences

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
