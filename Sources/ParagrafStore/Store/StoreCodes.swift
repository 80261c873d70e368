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
