/// A range as written ("§§ 26-29", "stk. 2-3", "kapitel 1-5"), kept besides its expanded members.
public struct CitationRange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The first address of the range.
    public var lower: Address
    /// The last address of the range.
    public var upper: Address

    /// Creates a range.
    public init(lower: Address, upper: Address) {
        self.lower = lower
        self.upper = upper
    }

    /// "§ 26 – § 29".
    public var description: String { "\(lower) – \(upper)" }
}
