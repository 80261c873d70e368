import Paragraf

/// The in-force intervals of a work's versions, by the library's ``VersionChain`` (a version applies from its
/// in-force date, or its signing date when that is unknown, until the version that repealed it entered into force;
/// one repealed on or before its first day never applied), extended for a whole corpus by
/// ``VersionChain/successiveIntervals``: a version no repeal statement ends is ended by the next one (the
/// consolidations of one act repeal nothing).
///
/// An amending instrument is in force from its start until the work's next version takes it in (a consolidation
/// or a new bekendtgørelse).
enum Intervals {
    static func assign(_ work: LinkWork, _ versions: inout [LinkVersion]) {
        let proper = work.versions.filter { versions[$0].role == .version }
        var members: [VersionChain.Member] = []
        for i in proper {
            guard let signed = versions[i].signed ?? versions[i].inForce else { continue }
            let repeals = versions[i].repeals.compactMap { t -> VersionChain.InstrumentKey? in
                guard let date = versions[t].signed ?? versions[t].inForce else { return nil }
                return VersionChain.InstrumentKey(number: versions[t].number ?? "", date: date)
            }
            members.append(
                VersionChain.Member(
                    key: String(i), number: versions[i].number, signed: signed, inForce: versions[i].inForce,
                    repeals: repeals))
        }
        let chain = VersionChain(members)
        for interval in chain.successiveIntervals {
            let i = Int(interval.key)!
            versions[i].validFrom = interval.start
            versions[i].validTo = interval.end
            if !interval.repealedBy.isEmpty {
                versions[i].evidence.append(
                    "repealed by " + interval.repealedBy.map { versions[Int($0)!].label }.joined(separator: " and "))
            } else if interval.end != nil {
                versions[i].evidence.append("followed by a later version (no repeal statement names it)")
            }
            if interval.startIsSigning { versions[i].evidence.append("in force from its signing date (no in-force date known)") }
            if interval.neverApplied {
                versions[i].evidence.append("never applied: repealed on or before the day it was to enter into force")
            }
        }
        let starts = chain.intervals.map(\.start).sorted()
        for i in work.versions where versions[i].role != .version {
            let start = versions[i].start
            versions[i].validFrom = start
            guard let start else { continue }
            versions[i].validTo = starts.first { $0 > start }
        }
    }
}
