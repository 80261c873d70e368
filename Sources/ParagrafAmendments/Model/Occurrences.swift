import Paragraf

/// How often quoted words occur where an instruction changes them.
public struct Occurrences: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The number of places, nil for every place ("overalt", "alle steder").
    public var count: Int?
    /// Only the n-th place ("første sted", "andet sted").
    public var nth: Int?

    /// Creates a count.
    public init(count: Int?, nth: Int? = nil) {
        self.count = count
        self.nth = nth
    }

    /// One place (the default of "ændres »X« til: »Y«").
    public static let once = Occurrences(count: 1)
    /// Every place.
    public static let all = Occurrences(count: nil)

    /// "once", "in 2 places", "everywhere", "the 1st place".
    public var description: String {
        if let nth { return "the \(Self.ordinal(nth)) place" }
        guard let count else { return "everywhere" }
        return count == 1 ? "once" : "in \(count) places"
    }

    static func ordinal(_ n: Int) -> String {
        switch n % 10 == 1 && n % 100 != 11 ? 1 : n % 10 == 2 && n % 100 != 12 ? 2 : n % 10 == 3 && n % 100 != 13 ? 3 : 0 {
        case 1: "\(n)st"
        case 2: "\(n)nd"
        case 3: "\(n)rd"
        default: "\(n)th"
        }
    }
}
