import Paragraf

/// What an operation did to a provision: its address in the base and in the result.
public struct ProvisionChange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// New.
        case inserted
        /// Gone (a § stays as "§ 7. (Ophævet)").
        case repealed
        /// Words changed.
        case amended
        /// Given new wording whole.
        case rewritten
        /// Given a new number.
        case renumbered
    }

    /// What happened.
    public var kind: Kind
    /// The provision in the base (nil when inserted).
    public var before: TargetAddress?
    /// The provision in the result (nil when removed).
    public var after: TargetAddress?

    /// Creates a change.
    public init(kind: Kind, before: TargetAddress?, after: TargetAddress?) {
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// "§ 66, stk. 3 → § 66, stk. 4 (renumbered)", "§ 53 a (inserted)".
    public var description: String {
        switch (before, after) {
        case (let b?, let a?) where b != a: "\(b) → \(a) (\(kind.rawValue))"
        case (_, let a?): "\(a) (\(kind.rawValue))"
        case (let b?, nil): "\(b) (\(kind.rawValue))"
        default: kind.rawValue
        }
    }
}
