import Paragraf
import ParagrafReferences

/// How a citation target came out of resolution, in the store: within its document, or across the corpus.
public enum TargetStatus: Int, Codable, Hashable, Sendable, CaseIterable {
    /// A provision of the citing document itself.
    case resolved = 0
    /// A provision of the citing document that does not exist (a finding of `check --all`).
    case unresolved = 1
    /// Another act or instrument that is not in the corpus (or cannot be placed); see the reason.
    case external = 2
    /// A provision (or the whole) of another document of the corpus, in force at the citing document's date.
    case linked = 3
    /// The cited act or instrument is in the corpus, but the provision is not in the version that applied.
    case missing = 4

    /// The name used in JSON and text: "resolved", "unresolved", "external", "linked", "missing".
    public var name: String {
        switch self {
        case .resolved: "resolved"
        case .unresolved: "unresolved"
        case .external: "external"
        case .linked: "linked"
        case .missing: "missing"
        }
    }
}
