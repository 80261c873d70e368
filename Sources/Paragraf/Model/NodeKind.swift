/// What a node of a regulation's tree is.
///
/// Names follow Akoma Ntoso where it has one (chapter, section, subsection, point, sentence, annex);
/// the Danish label stays on the node as written ("§ 17.", "Stk. 3.", "1)").
public enum NodeKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// The whole document.
    case document
    /// The title line ("Bekendtgørelse om tandpleje").
    case title
    /// The introductory formula with the legal basis ("I medfør af … fastsættes:"), *indledning*.
    case preamble
    /// A part heading (*afsnit*, "Afsnit I").
    case part
    /// A chapter (*kapitel*).
    case chapter
    /// A section (*paragraf*, "§ 17").
    case section
    /// A subsection (*stykke*, "Stk. 3"); the first one of a section has no marker.
    case subsection
    /// A numbered item (*nummer*, "1)") or a lettered one (*litra*, "a)").
    case item
    /// A sentence (*punktum*, "2. pkt."), numbered within its subsection or item.
    case sentence
    /// The closing signature (ministry, date, signers).
    case signature
    /// An annex (*bilag*).
    case annex
    /// A text block of an annex.
    case block
    /// Text the parser could not place; always accompanied by a diagnostic.
    case unplaced
}
