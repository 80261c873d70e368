import Paragraf

/// The story of a diff in a few sentences, for the top of every report: chapters added and removed, §§
/// renumbered, who took over which duties, which amounts changed, the main substitutions and doubtful citations.
enum ReportStory {
    static func lines(_ diff: DocumentDiff) -> [String] {
        var lines: [String] = []
        if let notCompared = diff.notCompared { lines.append("Not compared — \(notCompared.explanation).") }
        let chapters = diff.alignment.chapters
        let addedChapters = chapters.filter { $0.status == .added }.compactMap(\.new.first).map(ReportText.chapterName)
        let removedChapters = chapters.filter { $0.status == .removed }.compactMap(\.old.first).map(ReportText.chapterName)
        let movedChapters = chapters.filter { $0.status == .moved }
        var chapterParts: [String] = []
        if !addedChapters.isEmpty { chapterParts.append("new: " + addedChapters.joined(separator: "; ")) }
        if !removedChapters.isEmpty { chapterParts.append("gone: " + removedChapters.joined(separator: "; ")) }
        for r in movedChapters {
            chapterParts.append(
                "moved: \(ReportText.chapterName(r.old[0])) is now Kapitel \(r.new[0].citation.dropFirst("kapitel ".count))")
        }
        if !chapterParts.isEmpty { lines.append("Chapters — " + chapterParts.joined(separator: "; ") + ".") }

        let sections = diff.alignment.sections
        let renumbered = sections.filter { !$0.old.isEmpty && !$0.new.isEmpty && $0.isRenumbered }
        let added = sections.filter { $0.status == .added }.flatMap(\.new).map(\.citation)
        let removed = sections.filter { $0.status == .removed }.flatMap(\.old).map(\.citation)
        var sectionParts: [String] = []
        if !renumbered.isEmpty {
            let examples = renumbered.prefix(3).map(\.arrow).joined(separator: ", ")
            sectionParts.append("\(renumbered.count) renumbered (\(examples)\(renumbered.count > 3 ? ", …" : ""))")
        }
        if !added.isEmpty { sectionParts.append("\(added.count) new (\(added.joined(separator: ", ")))") }
        if !removed.isEmpty { sectionParts.append("\(removed.count) removed (\(removed.joined(separator: ", ")))") }
        if !sectionParts.isEmpty { lines.append("§§ — " + sectionParts.joined(separator: "; ") + ".") }

        // Duties grouped by old actor → new actor (and modality).
        // Each group's places are listed once, in order of first mention; a set per group tells the ones
        // seen (a search of the list per duty was quadratic in the places of a group).
        var groups: [(key: String, places: [String], seen: Set<String>)] = []
        for d in diff.duties {
            var key = "\(d.old.actor.capitalizedFirst) → \(d.new.actor.capitalizedFirst)"
            if d.modalityChanged { key += " (\(d.old.modality.danish) → \(d.new.modality.danish))" }
            let oldPart = d.oldCitation.sectionPart
            let newPart = d.newCitation.sectionPart
            let place = oldPart == newPart ? newPart : "\(oldPart) → \(newPart)"
            if let k = groups.firstIndex(where: { $0.key == key }) {
                if groups[k].seen.insert(place).inserted { groups[k].places.append(place) }
            } else {
                groups.append((key, [place], [place]))
            }
        }
        if !groups.isEmpty {
            lines.append(
                "Who acts — " + groups.map { "\($0.key) in \($0.places.joined(separator: ", "))" }.joined(separator: "; ")
                    + ".")
        }

        // Amounts grouped by old → new text.
        var amountGroups: [(key: String, places: [String], seen: Set<String>)] = []
        for a in diff.amounts {
            let place = a.newCitation.sectionPart
            let summary = a.summary
            if let k = amountGroups.firstIndex(where: { $0.key == summary }) {
                if amountGroups[k].seen.insert(place).inserted { amountGroups[k].places.append(place) }
            } else {
                amountGroups.append((summary, [place], [place]))
            }
        }
        if !amountGroups.isEmpty {
            lines.append(
                "Amounts — " + amountGroups.map { "\($0.key) in \($0.places.joined(separator: ", "))" }.joined(separator: "; ")
                    + ".")
        }
        if !diff.terms.isEmpty {
            let top = diff.terms.prefix(6).map { "\($0.old) → \($0.new) (\($0.count)×)" }.joined(separator: ", ")
            lines.append("Terms — \(top)\(diff.terms.count > 6 ? ", and \(diff.terms.count - 6) more" : "").")
        }
        if let citations = citationLine(diff.citations) { lines.append(citations) }
        if let ministry = diff.metadata.first(where: { $0.field == "ministry" }) {
            lines.append("Issued by \(ministry.new ?? "—") (was \(ministry.old ?? "—")).")
        }
        if let outside = diff.outsideSections, !outside.isEmpty {
            func quote(_ s: String?) -> String { s.map { "“\($0.count > 80 ? String($0.prefix(79)) + "…" : $0)”" } ?? "—" }
            let first = outside[0]
            lines.append(
                "Text outside the §§ — \(outside.count) passage\(outside.count == 1 ? "" : "s") differ\(outside.count == 1 ? "s" : ""): "
                    + "\(quote(first.old)) → \(quote(first.new))\(outside.count > 1 ? ", …" : "").")
        }
        // Only wording changed (no amount, term, duty or citation to tell): say where, so "In short" is never empty.
        if lines.allSatisfy({ $0.hasPrefix("Not compared") }) {
            let changed = diff.sections.flatMap(\.provisions).filter(\.isChanged)
                .compactMap { $0.new?.citation ?? $0.old?.citation }
            if !changed.isEmpty {
                lines.append(
                    "Wording — changed in \(changed.prefix(6).joined(separator: ", "))\(changed.count > 6 ? ", and \(changed.count - 6) more" : "")"
                        + " (no amount, term, duty or citation changed).")
            }
        }
        return lines
    }

    /// "Citations — 2 stale, 1 corrected: § 1, stk. 2 “§ 18, stk. 3” (expected § 21, stk. 3); …", nil when none.
    private static func citationLine(_ citations: [CitationChange]) -> String? {
        guard !citations.isEmpty else { return nil }
        let stale = citations.filter { $0.issue == .stale }.count
        let changed = citations.filter { $0.issue == .changedTarget }.count
        let unresolved = citations.filter { $0.issue == .unresolved }.count
        let corrected = citations.filter { $0.issue == .corrected }.count
        var parts: [String] = []
        if stale > 0 { parts.append("\(stale) stale") }
        if changed > 0 { parts.append("\(changed) with a changed target") }
        if unresolved > 0 { parts.append("\(unresolved) that no longer resolve") }
        if corrected > 0 { parts.append("\(corrected) corrected") }
        return "Citations — \(parts.joined(separator: ", ")): "
            + citations.map { c in
                "\(c.newCitation) “\(c.newText)”"
                    + (c.issue == .corrected
                        ? " (corrects “\(c.oldText ?? "?")”, stale in the old version)"
                        : c.expectedTarget.map { " (expected \($0))" } ?? "")
            }
            .joined(separator: "; ") + "."
    }
}
