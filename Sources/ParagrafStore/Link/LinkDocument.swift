import Foundation
import Paragraf

/// A document as the link step reads it.
struct LinkDocument {
    var id: Int64
    var type: String
    var role: DocumentRole
    var number: String?
    var year: Int?
    var title: String?
    var signed: LegalDate?
    var inForce: LegalDate?
    var isPartial: Bool
    var nodes: Int
    var manifestWork: String?
    var manifestVersion: String?
    var repeals: [InstrumentKey]
    var basisAct: String?
    var amends: AmendTargets
}
