import Paragraf

/// Something the consolidation says about itself, checked.
public struct Statement: Codable, Hashable, Sendable {
    /// Holds, fails, or is not in the consolidation's source.
    public enum Status: String, Codable, Hashable, Sendable {
        /// The consolidation says it.
        case holds
        /// The consolidation says otherwise, or leaves it out.
        case fails
        /// The consolidation's source does not hold the part that would say it.
        case notStated
    }

    /// What is checked ("names lovbekendtgørelse nr. 9 af 6. januar 2022 as the version it consolidates").
    public var claim: String
    /// Holds, fails or not stated.
    public var status: Status
    /// The consolidation's words, or why it is not stated.
    public var detail: String

    /// Creates a statement.
    public init(claim: String, status: Status, detail: String) {
        self.claim = claim
        self.status = status
        self.detail = detail
    }
}
