import Paragraf

/// One § (or chapter) of the applied act and of the consolidation.
public struct ProvisionComparison: Codable, Hashable, Sendable {
    /// How the two compare.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Same text (whitespace aside), same stk., same chapter.
        case agree
        /// Both have it; the text, the stk. or the chapter differ (see ``differences``).
        case differ
        /// Only the applied act has it: the consolidation lacks a provision the instructions give.
        case onlyApplied
        /// Only the consolidation has it: nothing in the base or the instructions gives it.
        case onlyConsolidated
        /// An amending act's in-force provision that one source prints as a § after the act and the other as
        /// a note: the texts agree.
        case agreesWithNote

        /// Whether the status is agreement.
        public var agrees: Bool { self == .agree || self == .agreesWithNote }
    }

    /// "§ 66", "kapitel 11", "§ 24 (after the act)".
    public var citation: String
    /// How they compare.
    public var status: Status
    /// The instructions that changed it ("1", "2").
    public var instructions: [String]
    /// What differs, part by part (stk. by stk., or the chapter and heading).
    public var differences: [TextDifference]

    /// Creates a comparison.
    public init(citation: String, status: Status, instructions: [String] = [], differences: [TextDifference] = []) {
        self.citation = citation
        self.status = status
        self.instructions = instructions
        self.differences = differences
    }
}
