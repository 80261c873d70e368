/// How serious a diagnostic is.
public enum Severity: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
    /// Worth knowing; nothing was lost or guessed.
    case note
    /// Something was repaired, guessed or could not be placed; the tree still holds every byte.
    case warning
    /// The input is not what it claims to be (for example an unreadable file).
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
