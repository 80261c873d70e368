import GRDB
import Paragraf
import ParagrafReferences

/// One citation standing in a provision, with where it leads: a node of the same version, a provision (or the
/// whole) of another work's version, or nowhere, with the reason. What `paragraf serve` links a provision's text
/// with, and what it lists as "cited by".
public struct NodeCitation: Codable, Hashable, Sendable {
    /// The citing node's id ("p1/stk2/pkt1").
    public var path: String
    /// The citing node in citation form ("§ 1, stk. 2").
    public var place: String
    /// The citation as written ("§ 18, stk. 3", "sundhedslovens § 135").
    public var text: String
    /// Its lead word ("jf.", "i medfør af", or "").
    public var lead: String
    /// The edge type its lead word gives.
    public var edge: CitationEdge
    /// "resolved" (in the citing version), "unresolved", "linked" (another document of the corpus), "missing"
    /// (the act is in the corpus, the provision is not in the version that applied) or "external".
    public var status: String
    /// Why it is unresolved, missing or external.
    public var reason: String?
    /// The target in node-id form ("p18/stk3"); nil when only an act or instrument is named.
    public var address: String?
    /// The target in citation form ("§ 18, stk. 3"), or "" when only an act or instrument is named.
    public var cited: String
    /// The target's work, when the target is in the corpus.
    public var work: String?
    /// The target's version (its short name, "1077/2020"), when the target is in the corpus.
    public var version: String?
    /// The target's version label ("BEK 1077/2020").
    public var versionLabel: String?
    /// The citing document's version, for incoming citations (its work and short name).
    public var fromWork: String?
    /// The citing version's short name, for incoming citations.
    public var fromVersion: String?
    /// The citing version's label, for incoming citations.
    public var fromLabel: String?
}
