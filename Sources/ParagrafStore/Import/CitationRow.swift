import Paragraf
import ParagrafReferences

/// One row of the citation table: a target of a citation (a citation naming several provisions has several).
struct CitationRow: Sendable, Hashable {
    /// The ordinal of the citing leaf.
    var node: Int32
    /// The ordinal of the citation within its document (the rows of one citation share it).
    var citation: Int32
    var start: Int
    var end: Int
    var lead: LeadWord
    var kind: CitationKind
    var text: String
    /// The act key of an external target ("sundhedsloven"; "loven" for the enabling act).
    var act: String?
    /// The instrument named, or paired with an act citation (``InstrumentKey/encoded``).
    var instrument: String?
    /// The absolute address as a node id ("p135/stk1"), when the citation names a provision.
    var address: String?
    var status: TargetStatus
    var reason: String?
    /// The ordinal of the target in the same document, when resolved there.
    var target: Int32?
}
