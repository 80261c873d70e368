import Paragraf
import ParagrafReferences

/// A provision of a work, as `cited-by` and `issued-under` take it: "sundhedsloven § 135", "§ 64 b i
/// sundhedsloven", "§ 104 i lov om social service", "servicelovens § 104", or a work id with an address
/// ("tandpleje § 12").
struct CitationTargetQuery {
    /// The work's id.
    var work: StoredWork
    /// The address; nil for the whole work.
    var address: Address?

    /// The node id the stored citations use ("p135"), and the range of ids inside it.
    var path: String? { address?.id.description }

    /// "§ 135 (sundhedsloven)".
    var description: String {
        (address.map { $0.description + " " } ?? "") + "(\(work.actKey ?? work.id))"
    }

    static func parse(_ text: String, in store: ParagrafStore) throws(StoreError) -> CitationTargetQuery {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let extractor = CitationExtractor()
        let citations = extractor.citations(inProse: trimmed)
        if let citation = citations.first, citation.kind == .externalAct, let act = citation.act ?? citation.targets.first?.act {
            let work = try store.work(act.name)
            let address = citation.targets.first.map(\.address)
            if let address, citation.targets.count > 1 || address.section == nil && address.chapter == nil && address.annex == nil {
                throw .badRequest("give one provision, e.g. \"sundhedsloven § 135\" (got \(citation.targets.count) in \"\(trimmed)\")")
            }
            return CitationTargetQuery(work: work, address: address)
        }
        // "tandpleje § 12", "BEK 1077/2020 § 5": a work (or version) then an address.
        let markers = ["§", "kapitel", "bilag", "indledning"]
        let lower = trimmed.lowercased()
        guard let cut = markers.compactMap({ lower.range(of: $0)?.lowerBound }).min() else {
            let work = try store.work(trimmed)
            return CitationTargetQuery(work: work, address: nil)
        }
        let name = String(trimmed[..<cut]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw .badRequest("name the act or work cited, e.g. \"sundhedsloven § 135\" or \"§ 104 i lov om social service\"")
        }
        let address: Address
        do {
            address = try Address.parse(String(trimmed[cut...]))
        } catch {
            throw .badRequest(error.description)
        }
        return CitationTargetQuery(work: try store.work(name), address: address)
    }
}
