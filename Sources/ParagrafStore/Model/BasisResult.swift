import Paragraf
import ParagrafReferences

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
