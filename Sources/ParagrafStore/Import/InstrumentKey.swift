import Paragraf

/// A legal instrument by type, number and year ("LBK 903/2019"): how versions are matched to the citations and
/// repeal statements that name them.
struct InstrumentKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// "BEK", "LBK", "LOV", …
    var type: String
    /// "903".
    var number: String
    /// 2019.
    var year: Int
    /// The date it was issued, when the naming text gives it.
    var date: LegalDate?

    /// "LBK 903/2019".
    var description: String { "\(type) \(number)/\(year)" }

    /// The key of a reference such as "lovbekendtgørelse nr. 903 af 26. august 2019"; nil without number and date.
    init?(_ reference: InstrumentReference) {
        guard let number = reference.number, let date = reference.date else { return nil }
        self.init(type: reference.type.abbreviation, number: number, year: date.year, date: date)
    }

    init(type: String, number: String, year: Int, date: LegalDate? = nil) {
        self.type = type
        self.number = number
        self.year = year
        self.date = date
    }

    /// The stored form "LBK|903|2019-08-26" (the date may be empty).
    var encoded: String { "\(type)|\(number)|\(date?.description ?? String(year))" }

    /// Reads ``encoded``.
    init?(encoded: String) {
        let parts = encoded.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[1].isEmpty else { return nil }
        if let date = LegalDate(parts[2]) {
            self.init(type: parts[0], number: parts[1], year: date.year, date: date)
        } else if let year = Int(parts[2]) {
            self.init(type: parts[0], number: parts[1], year: year)
        } else {
            return nil
        }
    }

    /// Whether a version of `type`, `number`, `year` is this instrument: the same number and year, and the
    /// same type where both are known ("lov nr. 1053" and a LOV; a BEK named "bekendtgørelse").
    func matches(type: String, number: String, year: Int) -> Bool {
        guard number == self.number, year == self.year else { return false }
        return self.type == type || self.type == "?" || type == "?"
    }
}
