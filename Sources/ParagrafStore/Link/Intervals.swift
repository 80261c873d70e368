import Paragraf

/// The in-force intervals of a work's versions: from the day a version entered into force (its signing date when
/// no in-force date is known) to the day the version that repealed it entered into force, or, without a repeal
/// statement, the day the next version did. A version repealed on or before its own first day never applied
/// (tandpleje 706/2024, replaced by 871/2024 on the day both were to enter into force).
///
/// An amending instrument is in force from its start until the work's next version takes it in (a consolidation
/// or a new bekendtgørelse).
enum Intervals {
    static func assign(_ work: LinkWork, _ versions: inout [LinkVersion], starts: [LegalDate?]) {
        let proper = work.versions.filter { versions[$0].role == .version }.sorted {
            (versions[$0].start ?? .distant, $0) < (versions[$1].start ?? .distant, $1)
        }
        for (position, i) in proper.enumerated() {
            let start = versions[i].start
            versions[i].validFrom = start
            let repealers = versions[i].repealedBy.compactMap { versions[$0].start }
            if let end = repealers.min() {
                versions[i].validTo = end
                let by = versions[i].repealedBy.map { versions[$0].label }.joined(separator: " and ")
                versions[i].evidence.append("repealed by \(by)")
            } else if let start, let next = proper[(position + 1)...].lazy.compactMap({ starts[$0] }).first(where: { $0 > start }) {
                versions[i].validTo = next
                versions[i].evidence.append("followed by a later version (no repeal statement names it)")
            }
            if versions[i].inForce == nil, versions[i].signed != nil { versions[i].evidence.append("in force from its signing date (no in-force date known)") }
            if let from = versions[i].validFrom, let to = versions[i].validTo, to <= from {
                versions[i].validTo = from
                versions[i].evidence.append("never applied: repealed on or before the day it was to enter into force")
            }
        }
        for i in work.versions where versions[i].role != .version {
            let start = versions[i].start
            versions[i].validFrom = start
            guard let start else { continue }
            versions[i].validTo = proper.lazy.compactMap { starts[$0] }.first { $0 > start }
        }
    }
}
