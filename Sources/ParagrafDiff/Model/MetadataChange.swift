import Paragraf

/// A change of the document's metadata.
public struct MetadataChange: Codable, Hashable, Sendable {
    /// The field: "title", "documentType", "legalBasisAct", "ministry", "signingDate", "inForceDate",
    /// "signers", "repeals".
    public var field: String
    /// The old value as text.
    public var old: String?
    /// The new value as text.
    public var new: String?
}
