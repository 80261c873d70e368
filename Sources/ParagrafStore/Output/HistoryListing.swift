import Paragraf
import ParagrafDiff

/// What `paragraf history CITATION --format json` prints, and `GET /api/works/{work}/history/{node id}`: one
/// provision through the versions of its work.
public struct HistoryListing: Encodable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The history.
    public var history: ProvisionHistory

    /// A listing of `history`.
    public init(history: ProvisionHistory) { self.history = history }
}
