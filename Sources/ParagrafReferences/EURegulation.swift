/// An EU regulation or directive: "forordning (EF) nr. 883/2004".
public struct EURegulation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// "forordning" or "direktiv".
    public var type: String
    /// "EF", "EU", "EØF", when written.
    public var series: String?
    /// The number as written: "883/2004".
    public var number: String

    /// Creates an EU regulation reference.
    public init(type: String, series: String?, number: String) {
        self.type = type
        self.series = series
        self.number = number
    }

    /// "forordning (EF) nr. 883/2004", "direktiv 2011/24/EU" (directives are cited without "nr.").
    public var description: String {
        "\(type)" + (series.map { " (\($0))" } ?? "") + (type == "direktiv" ? " " : " nr. ") + number
    }
}
