import Foundation
import Paragraf

/// A version being built: one instrument, with the documents that are its sources.
struct LinkVersion {
    var key: InstrumentKey?
    var type: String
    var number: String?
    var year: Int?
    var signed: LegalDate?
    var title: String?
    var role: DocumentRole
    /// The documents that are sources of it, preferred first.
    var documents: [Int64] = []
    var manifestWork: String?
    var manifestVersion: String?
    var inForce: LegalDate?
    /// Versions (indices) whose repeal statements name this one.
    var repealedBy: [Int] = []
    /// Versions (indices) this one repeals.
    var repeals: [Int] = []
    var validFrom: LegalDate?
    var validTo: LegalDate?
    var work = -1
    var evidence: [String] = []
    var amends = AmendTargets()

    /// "BEK 1077/2020", or "BEK af 30. juni 2020" for a version without number.
    var label: String {
        if let number, let year { return "\(type) \(number)/\(year)" }
        if let signed { return "\(type) af \(signed.danish)" }
        return type
    }

    /// The start of the version's history: when it entered into force, or was signed.
    var start: LegalDate? { inForce ?? signed }
}
