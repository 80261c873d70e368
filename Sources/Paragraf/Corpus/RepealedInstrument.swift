/// An instrument named by type, number and date: "BEK nr. 205 af 22. marts 2001" (a repealed or amended one).
public struct RepealedInstrument: Codable, Hashable, Sendable {
    /// Type abbreviation ("BEK").
    public var documentType: String
    /// Number.
    public var number: String
    /// Date of the instrument (its signing).
    public var date: LegalDate

    /// Creates a reference.
    public init(documentType: String, number: String, date: LegalDate) {
        self.documentType = documentType
        self.number = number
        self.date = date
    }

    /// "BEK nr. 205 af 22. marts 2001".
    public var description: String { "\(documentType) nr. \(number) af \(date.danish)" }
}
