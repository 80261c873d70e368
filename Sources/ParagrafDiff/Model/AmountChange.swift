import Paragraf

/// An amount that changed between aligned provisions: "380 kr. → 540 kr. (+42 %)".
public struct AmountChange: Codable, Hashable, Sendable {
    /// The unit, normalized: "kr.", "%", "år", "måneder", "dage", "uger", "timer".
    public var unit: String
    /// The old value (1.420 kr. is 1420).
    public var oldValue: Double
    /// The new value.
    public var newValue: Double
    /// The relative change in percent, rounded to a whole number (nil when the old value is 0).
    public var percentChange: Int?
    /// The old amount as written ("1.420 kr.").
    public var oldText: String
    /// The new amount as written.
    public var newText: String
    /// Where in the old version.
    public var oldCitation: String
    /// Where in the new version.
    public var newCitation: String
    /// The bytes of the old amount.
    public var oldRange: LocatedRange
    /// The bytes of the new amount.
    public var newRange: LocatedRange

    /// "380 kr. → 540 kr. (+42 %)".
    public var summary: String {
        var s = "\(oldText) → \(newText)"
        if let p = percentChange { s += " (\(p >= 0 ? "+" : "−")\(abs(p)) %)" }
        return s
    }
}
