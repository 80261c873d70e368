import Paragraf

/// One provision a search found.
public struct SearchHit: Codable, Hashable, Sendable {
    /// 1 for the best.
    public var rank: Int
    /// The bm25 score (lower is better, as SQLite gives it).
    public var score: Double
    /// The provision's address in citation form: "§ 21, stk. 3", "indledning", "bilag 1".
    public var address: String
    /// The node id ("p21/stk3").
    public var path: String
    /// The document.
    public var document: DocumentSummary
    /// The work's id.
    public var work: String?
    /// The version's short name ("1444/2025").
    public var version: String?
    /// The first day the version applied.
    public var validFrom: LegalDate?
    /// The first day it no longer applied (nil: it applies).
    public var validTo: LegalDate?
    /// The provision's text around the hit (the whole text when short), "…" where it is cut.
    public var context: String
    /// The marked words of `context`, as UTF-8 byte ranges [start, end).
    public var marks: [[Int]]
}
