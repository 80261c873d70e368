import Paragraf

/// One row of an alignment: old provision(s), new provision(s), status and similarity.
public struct AlignmentRow: Codable, Hashable, Sendable {
    /// The level.
    public var level: AlignmentLevel
    /// The primary status (moved > renumbered > modified > unchanged; split, merged, added, removed).
    public var status: AlignmentStatus
    /// Old provisions (empty when added; two or more when merged).
    public var old: [ProvisionRef]
    /// New provisions (empty when removed; two or more when split).
    public var new: [ProvisionRef]
    /// Content similarity, 0...1, rounded to two decimals (1 for identical text).
    public var similarity: Double
    /// Whether the text changed.
    public var isModified: Bool
    /// Whether the number changed.
    public var isRenumbered: Bool
    /// Whether the provision moved (to another chapter, or out of order).
    public var isMoved: Bool

    /// Creates a row.
    public init(
        level: AlignmentLevel, status: AlignmentStatus, old: [ProvisionRef], new: [ProvisionRef], similarity: Double,
        isModified: Bool, isRenumbered: Bool, isMoved: Bool
    ) {
        self.level = level
        self.status = status
        self.old = old
        self.new = new
        self.similarity = similarity
        self.isModified = isModified
        self.isRenumbered = isRenumbered
        self.isMoved = isMoved
    }

    /// "§ 17 → § 21", "— → kapitel 4".
    public var arrow: String {
        let o = old.isEmpty ? "—" : old.map(\.citation).joined(separator: " + ")
        let n = new.isEmpty ? "—" : new.map(\.citation).joined(separator: " + ")
        return "\(o) → \(n)"
    }
}
