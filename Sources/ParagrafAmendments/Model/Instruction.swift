import Paragraf

/// One numbered instruction ("2. I § 66 indsættes efter stk. 2 som nyt stykke: »…« Stk. 3-6 bliver herefter
/// stk. 4-7.") with the operations read from it.
public struct Instruction: Codable, Hashable, Sendable {
    /// How much of the instruction was read.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Every clause became an operation.
        case read
        /// Some clauses became operations; the rest is in the diagnostics.
        case partlyRead
        /// Nothing could be read: the text and a diagnostic say why.
        case unread
    }

    /// The number as written, without its period ("2"); empty for the single unnumbered instruction of a §.
    public var number: String
    /// The whole instruction, whitespace normalized, quotations included.
    public var text: String
    /// Where it is in the source.
    public var range: SourceRange
    /// The operations, in the order the instruction gives them.
    public var operations: [AmendmentOperation]
    /// How much was read.
    public var status: Status
    /// What the reader could not read, with positions.
    public var diagnostics: [Diagnostic]

    /// Creates an instruction.
    public init(
        number: String, text: String, range: SourceRange, operations: [AmendmentOperation], status: Status,
        diagnostics: [Diagnostic] = []
    ) {
        self.number = number
        self.text = text
        self.range = range
        self.operations = operations
        self.status = status
        self.diagnostics = diagnostics
    }
}
