/// A part of a regulation that a source may leave out, for a *partial* document (see ``Document/absentParts``).
///
/// The dataset's documents (``DatasetReader``) carry only the §§: their title block, preamble, chapter
/// titles, annexes and signature were never extracted. A document read from such a source lists those parts as
/// absent, so that a diff, a history or a report says "not in this version's source" instead of presenting them
/// as removed, emptied or added.
public enum DocumentPart: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// The title block ("Bekendtgørelse om tandpleje" as a line of the text; the metadata may still know it).
    case title
    /// The preamble with the legal basis ("I medfør af … fastsættes:").
    case preamble
    /// The chapters' headings ("Kapitel 4 Socialtandpleje": the number is known, the heading is not).
    case chapterTitles
    /// The annexes (bilag).
    case annexes
    /// The closing signature (ministry, date, signers).
    case signature

    /// How a reader names the part: "title", "preamble", "chapter titles", "annexes", "signature".
    public var displayName: String {
        switch self {
        case .title: "title"
        case .preamble: "preamble"
        case .chapterTitles: "chapter titles"
        case .annexes: "annexes"
        case .signature: "signature"
        }
    }

    public static func < (lhs: DocumentPart, rhs: DocumentPart) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
