import Paragraf

/// "Stk. 3-6 bliver herefter stk. 4-7.": provisions renumbered, in the numbering before the amending act.
public struct Renumbering: Codable, Hashable, Sendable {
    /// The provision inside which the renumbered ones stand (the § for stk., the stk. for nr.); empty for §§
    /// and chapters.
    public var container: TargetAddress
    /// The level of the renumbered provisions.
    public var level: TargetAddress.Level
    /// Their numbers before.
    public var from: [String]
    /// Their numbers after, pairwise.
    public var to: [String]

    /// Creates a renumbering.
    public init(container: TargetAddress, level: TargetAddress.Level, from: [String], to: [String]) {
        self.container = container
        self.level = level
        self.from = from
        self.to = to
    }
}
