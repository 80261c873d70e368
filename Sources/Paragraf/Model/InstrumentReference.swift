/// A reference to another instrument by type, number and date ("Bekendtgørelse nr. 205 af 22. marts 2001").
public struct InstrumentReference: Codable, Hashable, Sendable {
    /// The type, as far as it is stated.
    public var type: DocumentType
    /// The number ("205").
    public var number: String?
    /// The date it was issued.
    public var date: LegalDate?
    /// The text as written, whitespace normalized.
    public var text: String

    /// Creates a reference.
    public init(type: DocumentType, number: String?, date: LegalDate?, text: String) {
        self.type = type
        self.number = number
        self.date = date
        self.text = text
    }
}
