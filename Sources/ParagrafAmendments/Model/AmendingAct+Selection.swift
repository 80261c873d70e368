import Foundation
import Paragraf

extension AmendingAct {
    /// The part of the act that amends `base` (or the act named `name`).
    ///
    /// `name` may be the amending § ("1", "§ 1"), words of the amended act's name ("hold af dyr",
    /// "dyrevelfærdsloven") or the number of the version it names ("9/2022", "9"). Without a name, the amendment
    /// whose named version has the base's number and year is taken, else the one whose act's name the base's
    /// title contains, else the only one.
    public func amendment(for base: Document?, named name: String? = nil) throws -> ActAmendment {
        guard !amendments.isEmpty else {
            throw AmendmentSelectionError(description: "\(sourceName) amends no act (no § says “I … foretages følgende ændringer:”)")
        }
        let listing = amendments.map { "§ \($0.section) \($0.target)" }.joined(separator: "; ")
        if let name {
            let wanted = name.lowercased().trimmingSpaces
            let section = wanted.hasPrefix("§") ? wanted.dropFirst().trimmingSpaces : wanted
            let matches = amendments.filter { a in
                a.section == section || a.actName.lowercased().contains(wanted)
                    || a.instrument.map { Self.instrumentMatches($0, wanted) } ?? false
            }
            guard matches.count == 1, let match = matches.first else {
                throw AmendmentSelectionError(
                    description: matches.isEmpty
                        ? "\(sourceName) does not amend “\(name)”; it amends: \(listing)"
                        : "“\(name)” names \(matches.count) amended acts: \(matches.map { "§ \($0.section) \($0.target)" }.joined(separator: "; ")); name one by its §"
                )
            }
            return match
        }
        if amendments.count == 1 { return amendments[0] }
        if let base {
            let byNumber = amendments.filter { a in
                guard let number = a.instrument?.number, number == base.metadata.number else { return false }
                guard let year = a.instrument?.date?.year, let baseYear = base.metadata.year ?? base.metadata.signingDate?.year else {
                    return true
                }
                return year == baseYear
            }
            if byNumber.count == 1 { return byNumber[0] }
            let title = (base.metadata.title ?? "").lowercased()
            let byName = amendments.filter { !title.isEmpty && title.contains($0.actName.lowercased()) }
            if byName.count == 1 { return byName[0] }
        }
        throw AmendmentSelectionError(
            description: "\(sourceName) amends \(amendments.count) acts and the base names none of them; choose one with --act: \(listing)")
    }

    /// "9/2022", "9", "nr. 9".
    static func instrumentMatches(_ instrument: InstrumentReference, _ wanted: String) -> Bool {
        guard let number = instrument.number else { return false }
        let plain = wanted.replacingOccurrences(of: "nr.", with: "").trimmingSpaces
        if plain == number { return true }
        if let year = instrument.date?.year { return plain == "\(number)/\(year)" }
        return false
    }
}
