import Paragraf
import ParagrafDiff

/// A provision's history read from the store, with the versions it could not show.
public struct StoredHistory: Sendable {
    /// The work's id.
    public var work: String
    /// The history, as `paragraf history` prints it.
    public var history: ProvisionHistory
    /// The versions of the work without text in the corpus (not shown).
    public var missing: [String]
}
