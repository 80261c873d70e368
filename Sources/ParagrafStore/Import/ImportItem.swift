/// One document's bytes as the import reads them, with where they came from.
struct ImportItem: Sendable {
    /// The bytes (empty when the item was too large to read; see `oversize`).
    var bytes: [UInt8]
    /// Where it came from, for messages and the failure table: a path, "PATH:LINE" for a line of JSON lines,
    /// "-" or "-:LINE" for standard input.
    var source: String
    /// The identity of a document that names no number (a text file): its path, stable across imports; nil for
    /// standard input, whose documents are known by their content.
    var sourceKey: String?
    /// The work and version ids of a corpus manifest the file is listed in.
    var manifestWork: String?
    var manifestVersion: String?
    /// The size of an item that was over the limit and not read.
    var oversize: Int?
    /// Set when the item cannot be a document (e.g. a line of JSON lines that is not an object), with the reason.
    var rejection: String?
}
