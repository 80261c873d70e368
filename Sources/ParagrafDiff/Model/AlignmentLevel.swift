import Paragraf

/// The structural level of an alignment row.
public enum AlignmentLevel: String, Codable, Hashable, Sendable, CaseIterable {
    /// Kapitel.
    case chapter
    /// Paragraf (§).
    case section
    /// Stykke.
    case subsection
    /// Nummer or litra.
    case item
    /// Bilag.
    case annex
    /// The preamble (*indledning*) with the legal basis.
    case preamble
}
