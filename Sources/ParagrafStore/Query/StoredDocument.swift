import Foundation
import GRDB
import Paragraf

/// A document read back from the database: its summary and its tree, with metadata and diagnostics, ranges
/// indexing the source it was imported from.
public struct StoredDocument: Sendable {
    /// The summary.
    public var summary: DocumentSummary
    /// The document as parsed (tree, metadata, diagnostics).
    public var document: Document
    /// Line and column of the document's offsets (the source's line table, stored with it): give it to a JSON
    /// encoder as `userInfo[.sourceLocations]`.
    public var locations: SourceLocationConverter
}
