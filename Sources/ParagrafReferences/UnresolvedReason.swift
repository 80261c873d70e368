/// Why a citation target could not be found in the version it stands in.
public enum UnresolvedReason: String, Codable, Hashable, Sendable, CaseIterable {
    /// The § does not exist ("§ 40" in a document that ends with § 38).
    case noSuchSection
    /// The § exists but not the stk.
    case noSuchSubsection
    /// The stk. exists but not the nr.
    case noSuchItem
    /// The nr. exists but not the litra.
    case noSuchLitra
    /// The stk. (or nr.) has fewer sentences ("2. pkt." of a stk. with one sentence).
    case noSuchSentence
    /// The chapter does not exist.
    case noSuchChapter
    /// The annex does not exist.
    case noSuchAnnex
    /// A relative citation ("stk. 3") that stands outside any § (preamble, annex, prose), so there is no
    /// place to read it against.
    case noContext
}
