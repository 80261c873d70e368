import Paragraf

/// The part of an amending act that amends one act: "§ 1. I lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af
/// 6. januar 2022, foretages følgende ændringer: 1. … 2. …".
public struct ActAmendment: Codable, Hashable, Sendable {
    /// The amending act's § ("1").
    public var section: String
    /// The amended act as named ("lov om hold af dyr", "dyrevelfærdsloven").
    public var actName: String
    /// The version named, by type, number and date ("lovbekendtgørelse nr. 9 af 6. januar 2022").
    public var instrument: InstrumentReference?
    /// The introductory sentence as written.
    public var introduction: String
    /// The numbered instructions (one unnumbered instruction when the § makes a single change).
    public var instructions: [Instruction]
    /// Where the § is in the source.
    public var range: SourceRange

    /// Creates an amendment.
    public init(
        section: String, actName: String, instrument: InstrumentReference?, introduction: String,
        instructions: [Instruction], range: SourceRange
    ) {
        self.section = section
        self.actName = actName
        self.instrument = instrument
        self.introduction = introduction
        self.instructions = instructions
        self.range = range
    }

    /// The act as the introduction names it: "lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar
    /// 2022", "bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje".
    public var target: String {
        if introduction.hasPrefix("I "), let end = introduction.range(of: " foretages følgende ændring") {
            let named = introduction[introduction.index(introduction.startIndex, offsetBy: 2)..<end.lowerBound]
            return named.trimmingCharacters(",")
        }
        guard let instrument else { return actName }
        return actName + ", jf. " + instrument.text
    }
}
