import Foundation
import Paragraf

/// One document ready to be written: its facts, node rows, full-text units and citation rows. Made off the
/// database, so that preparing the next document can overlap writing this one.
struct PreparedDocument: Sendable {
    /// The identity under which the document is stored (see ``DocumentPreparer``).
    var key: String
    var sha256: String
    var source: String
    var format: String
    var type: String
    var rtype: String?
    var role: DocumentRole
    var number: String?
    var year: Int?
    var title: String?
    var signed: LegalDate?
    var inForce: LegalDate?
    var eli: String?
    var accession: String?
    var datasetID: String?
    var isPartial: Bool
    var bytes: Int
    var warnings: Int
    var metadata: Data
    var diagnostics: Data?
    var lines: [UInt8]
    var amends: AmendTargets
    /// The instruments the document repeals (``InstrumentKey/encoded``).
    var repeals: [String]
    /// The key of the act named as legal basis in the preamble ("sundhedsloven").
    var basisAct: String?
    var manifestWork: String?
    var manifestVersion: String?
    var rows: [NodeRow]
    /// (ordinal, folded text) of every node the full-text index holds.
    var units: [(ordinal: Int32, body: String)]
    var citations: [CitationRow]
}
