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

/// A work being built.
struct LinkWork {
    var versions: [Int]
    var slug = ""
    var title = ""
    var kind = "regulation"
    var actKey: String?
}

/// Titles compared as a reader would: lower case, whitespace collapsed, the subtitle of an amending act
/// ("\n(Ændring af …)") and a trailing period dropped.
enum TitleKey {
    static func of(_ title: String?) -> String? {
        guard let title else { return nil }
        let firstLine = title.split(separator: "\n").first.map(String.init) ?? title
        var words = Bytes.normalized(firstLine).lowercased()
        while words.hasSuffix(".") || words.hasSuffix(" ") { words.removeLast() }
        return words.isEmpty ? nil : words
    }
}
