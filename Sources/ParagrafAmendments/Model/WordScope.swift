import Paragraf

/// Where a word change applies.
public struct WordScope: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The provisions named ("I § 3, nr. 2 og 3, …"); empty for the whole act.
    public var targets: [TargetAddress]
    /// "Overalt i loven": every provision of the act.
    public var wholeAct: Bool

    /// Creates a scope.
    public init(targets: [TargetAddress], wholeAct: Bool = false) {
        self.targets = targets
        self.wholeAct = wholeAct
    }

    /// "§ 3, nr. 2 and § 3, nr. 3", "the whole act".
    public var description: String {
        wholeAct ? "the whole act" : targets.map(\.description).joined(separator: " and ")
    }
}
