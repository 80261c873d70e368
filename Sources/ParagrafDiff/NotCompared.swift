import Paragraf

/// The parts of a regulation a diff left out because one version's source does not hold them.
///
/// A dataset document (``DatasetReader``) holds the §§ only: no title block, preamble, chapter titles, annexes
/// or signature. Compared with a complete text, those parts would read as removed, emptied or added; they are
/// not compared instead, and the reports say so.
public struct NotCompared: Codable, Hashable, Sendable {
    /// The parts left out of the comparison.
    public var parts: [DocumentPart]
    /// The versions whose source lacks them ("old", "new" or both).
    public var missingIn: [String]
    /// A sentence for readers: "title, preamble, … are not in the new version's source (a partial document); not compared".
    public var explanation: String
}
