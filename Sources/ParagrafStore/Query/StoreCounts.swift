import GRDB
import Paragraf
import ParagrafReferences

/// How much a database holds.
public struct StoreCounts: Codable, Hashable, Sendable {
    /// Documents imported.
    public var documents: Int
    /// Works.
    public var works: Int
    /// Versions (with those known without text, and amendments).
    public var versions: Int
    /// Nodes of all documents.
    public var nodes: Int
    /// Citation targets.
    public var citations: Int
    /// Inputs that failed.
    public var failures: Int
}
