import Foundation
import Paragraf

/// The instructions behind a diff's changes, as `paragraf diff --amendments FILE` appends them to its report.
public struct ChangeExplanations: Codable, Hashable, Sendable {
    /// The version of the JSON schema.
    public static let schemaVersion = 1

    /// The amending act and the § applied ("LOV nr. 1547 af 12. december 2023, § 1").
    public var amendingAct: String
    /// The act amended, as named.
    public var target: String
    /// The instructions, by number, with their text and how they applied to the old version.
    public var instructions: [InstructionOutcome]
    /// Every change of the diff, explained (the same entries as ``Verification/changes``).
    public var changes: [ExplainedChange]

    /// Creates explanations.
    public init(amendingAct: String, target: String, instructions: [InstructionOutcome], changes: [ExplainedChange]) {
        self.amendingAct = amendingAct
        self.target = target
        self.instructions = instructions
        self.changes = changes
    }
}
