/// A file of the corpus with its checksum: a version's text or a dataset record beside it.
public struct SourceFile: Codable, Hashable, Sendable {
    /// The file, relative to the manifest.
    public var file: String
    /// The SHA-256 of its bytes, checked when it is read.
    public var sha256: String
    /// Where it came from.
    public var source: String?
}
