import Paragraf
import ParagrafReferences

/// The small integers the database stores for enumerations, fixed once and for all (a new case gets a new
/// number; a number is never reused), so that a database stays readable when the enumerations grow.
enum StoreCodes {
    static let nodeKinds: [NodeKind] = [
        .document, .title, .preamble, .part, .chapter, .section, .subsection, .item, .sentence, .signature, .annex,
        .block, .unplaced,
    ]
    static let leads: [LeadWord] = [
        .none, .jf, .jfDog, .iHenholdTil, .efter, .omfattetAf, .naevntI, .iMedfoerAf, .medHjemmelI, .uanset,
    ]
    static let citationKinds: [CitationKind] = [
        .internalAbsolute, .internalRelative, .externalAct, .otherInstrument, .euRegulation,
    ]

    static func code(_ kind: NodeKind) -> Int { nodeKinds.firstIndex(of: kind) ?? nodeKinds.count - 1 }
    static func nodeKind(_ code: Int) -> NodeKind { nodeKinds.indices.contains(code) ? nodeKinds[code] : .unplaced }
    static func code(_ lead: LeadWord) -> Int { leads.firstIndex(of: lead) ?? 0 }
    static func lead(_ code: Int) -> LeadWord { leads.indices.contains(code) ? leads[code] : .none }
    static func code(_ kind: CitationKind) -> Int { citationKinds.firstIndex(of: kind) ?? 0 }
    static func citationKind(_ code: Int) -> CitationKind {
        citationKinds.indices.contains(code) ? citationKinds[code] : .externalAct
    }

    /// The id of node `ordinal` of document `document`: documents own disjoint ranges of node ids.
    static func nodeID(document: Int64, ordinal: Int) -> Int64 { document << 24 | Int64(ordinal) }
    /// The document a node id belongs to.
    static func document(ofNode id: Int64) -> Int64 { id >> 24 }
    /// The ordinal of a node within its document.
    static func ordinal(ofNode id: Int64) -> Int { Int(id & 0xFF_FFFF) }
    /// The most nodes one document may have.
    static let maximumNodes = 1 << 24
}

/// How a citation target came out of resolution, in the store: within its document, or across the corpus.
public enum TargetStatus: Int, Codable, Hashable, Sendable, CaseIterable {
    /// A provision of the citing document itself.
    case resolved = 0
    /// A provision of the citing document that does not exist (a finding of `check --all`).
    case unresolved = 1
    /// Another act or instrument that is not in the corpus (or cannot be placed); see the reason.
    case external = 2
    /// A provision (or the whole) of another document of the corpus, in force at the citing document's date.
    case linked = 3
    /// The cited act or instrument is in the corpus, but the provision is not in the version that applied.
    case missing = 4

    /// The name used in JSON and text: "resolved", "unresolved", "external", "linked", "missing".
    public var name: String {
        switch self {
        case .resolved: "resolved"
        case .unresolved: "unresolved"
        case .external: "external"
        case .linked: "linked"
        case .missing: "missing"
        }
    }
}
