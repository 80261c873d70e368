import Foundation
import Paragraf

/// What an amending instrument says it amends: the acts and instruments named in its "I lov om …, jf.
/// lovbekendtgørelse nr. … , foretages følgende ændringer" sentences, and the titles its own title names.
struct AmendTargets: Codable, Hashable, Sendable {
    /// Act keys ("sundhedsloven").
    var acts: [String] = []
    /// Instruments, encoded as ``InstrumentKey/encoded``.
    var instruments: [String] = []
    /// Titles named after "om ændring af" ("bekendtgørelse om tandpleje"), lower case.
    var titles: [String] = []

    var isEmpty: Bool { acts.isEmpty && instruments.isEmpty && titles.isEmpty }
}

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

/// A document that could not be imported, and why.
struct ImportFailure: Error, Sendable {
    var source: String
    var sha256: String?
    var bytes: Int
    var reason: String
}
