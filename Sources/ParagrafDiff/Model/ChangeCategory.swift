import Paragraf

/// The kind of a word-level change, after classification.
public enum ChangeCategory: String, Codable, Hashable, Sendable, CaseIterable {
    /// An amount (kr., %, years, months …) changed.
    case amount
    /// A term replaced as part of a systematic substitution.
    case term
    /// A change of who must or may act.
    case duty
    /// A citation changed.
    case citation
    /// Any other wording.
    case wording
}
