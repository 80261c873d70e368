import Paragraf

/// Wording and grouping shared by the report formatters.
enum ReportText {
    static func status(_ row: AlignmentRow) -> String {
        var parts: [String] = []
        switch row.status {
        case .unchanged: parts.append("unchanged")
        case .modified: parts.append("modified")
        case .renumbered: parts.append("renumbered")
        case .moved: parts.append("moved")
        case .split: parts.append("split")
        case .merged: parts.append("merged")
        case .removed: return "removed"
        case .added: return "added"
        }
        if row.status != .renumbered && row.isRenumbered { parts.append("renumbered") }
        if row.status != .modified && row.isModified { parts.append("modified") }
        if row.isModified { parts.append("\(Int((row.similarity * 100).rounded())) % similar") }
        return parts.joined(separator: ", ")
    }

    /// "Kapitel 5 Amtsspecialtandpleje".
    static func chapterName(_ ref: ProvisionRef) -> String {
        "Kapitel \(ref.citation.dropFirst("kapitel ".count)) \(ref.caption)"
    }

    /// Whether a subsection changed its own number or landed in another § than its section's main counterpart.
    static func isRelocated(_ p: ProvisionDiff, in section: SectionDiff) -> Bool {
        guard let o = p.old?.id, let n = p.new?.id else { return false }
        if o.last != n.last { return true }
        return n.topLevel != section.row.new.first?.id || o.topLevel != section.row.old.first?.id
    }

    /// Sections whose row is not unchanged.
    static func changedSections(_ diff: DocumentDiff) -> [SectionDiff] {
        diff.sections.filter { s in
            s.row.status != .unchanged || s.provisions.contains { $0.isChanged || $0.old == nil || $0.new == nil }
        }
    }

    /// The rows of sections whose number changed, in new order.
    static func renumbered(_ diff: DocumentDiff) -> [AlignmentRow] {
        diff.alignment.sections.filter { !$0.old.isEmpty && !$0.new.isEmpty && $0.isRenumbered }
    }

    static func count(_ diff: DocumentDiff, _ level: AlignmentLevel, _ status: AlignmentStatus) -> Int {
        diff.summary.alignment[level.rawValue]?[status.rawValue] ?? 0
    }

    /// "38 §§: 13 modified, 19 renumbered, …" for one level.
    static func levelLine(_ diff: DocumentDiff, _ level: AlignmentLevel) -> String {
        let counts = diff.summary.alignment[level.rawValue] ?? [:]
        let order: [AlignmentStatus] = [.unchanged, .modified, .renumbered, .moved, .split, .merged, .added, .removed]
        return order.compactMap { s in counts[s.rawValue].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
    }

    static let levelNames: [(AlignmentLevel, String)] = [
        (.chapter, "Chapters"), (.section, "Sections (§§)"), (.subsection, "Subsections (stk.)"), (.item, "Items (nr.)"),
        (.annex, "Annexes"), (.preamble, "Preamble"),
    ]

    static let metadataNames: [String: String] = [
        "title": "Title", "documentType": "Document type", "legalBasisAct": "Legal basis (act)",
        "ministry": "Ministry", "signingDate": "Signed", "inForceDate": "In force", "signers": "Signers",
        "repeals": "Repeals",
    ]

    static func issueName(_ issue: CitationIssue) -> String {
        switch issue {
        case .stale: "stale"
        case .changedTarget: "changed target"
        case .unresolved: "does not resolve"
        case .corrected: "corrected"
        }
    }

    static func places(_ t: TermSubstitution, limit: Int = 6) -> String {
        var list = t.places.prefix(limit).map { p in
            p.oldCitation == p.newCitation ? p.newCitation : "\(p.oldCitation) → \(p.newCitation)"
        }
        if t.places.count > limit { list.append("… \(t.places.count - limit) more") }
        return list.joined(separator: "; ")
    }

    static func title(_ diff: DocumentDiff) -> String {
        let t = diff.new.title ?? diff.old.title ?? "Regulation"
        return "\(t): \(versionName(diff.old)) → \(versionName(diff.new))"
    }

    static func versionName(_ v: VersionSummary) -> String {
        let name = v.sourceName.split(separator: "/").last.map(String.init) ?? v.sourceName
        if let date = v.signingDate { return "\(name) (\(date))" }
        return name
    }
}

/// Merges the two sides of a provision's segments into one run of pieces for inline display
/// (deleted words, then inserted words, in place), with a space wherever either side had one.
enum InlineText {
    enum Kind {
        case same, deleted, inserted
    }

    struct Piece {
        var kind: Kind
        /// The text, with a leading space when it is separated from what precedes it.
        var text: String
    }

    static func pieces(_ segments: [TextSegment]) -> [Piece] {
        var result: [Piece] = []
        func spaced(_ text: String, force: Bool) -> String {
            if result.isEmpty { return text.hasPrefix(" ") ? String(text.dropFirst()) : text }
            let punctuation = text.first.map { ",.;:)".contains($0) } ?? false
            return force && !text.hasPrefix(" ") && !punctuation ? " " + text : text
        }
        var previousWasChange = false
        for s in segments {
            switch s.operation {
            case .equal:
                let text = s.new ?? s.old ?? ""
                let other = s.old ?? ""
                result.append(Piece(kind: .same, text: spaced(text, force: previousWasChange && other.hasPrefix(" "))))
                previousWasChange = false
            case .delete:
                result.append(Piece(kind: .deleted, text: spaced(s.old ?? "", force: false)))
                previousWasChange = true
            case .insert:
                result.append(Piece(kind: .inserted, text: spaced(s.new ?? "", force: false)))
                previousWasChange = true
            case .replace:
                result.append(Piece(kind: .deleted, text: spaced(s.old ?? "", force: false)))
                result.append(Piece(kind: .inserted, text: spaced(s.new ?? "", force: true)))
                previousWasChange = true
            }
        }
        return result
    }

    /// The text of one side: `old` or `new`.
    static func side(_ segments: [TextSegment], old: Bool) -> [(text: String, changed: Bool, category: ChangeCategory?)] {
        var result: [(String, Bool, ChangeCategory?)] = []
        for s in segments {
            guard let text = old ? s.old : s.new else { continue }
            let t = result.isEmpty && text.hasPrefix(" ") ? String(text.dropFirst()) : text
            result.append((t, s.operation != .equal, s.category))
        }
        return result
    }
}

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
            chapterParts.append("moved: \(ReportText.chapterName(r.old[0])) is now Kapitel \(r.new[0].citation.dropFirst("kapitel ".count))")
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
        var groups: [(key: String, places: [String])] = []
        for d in diff.duties {
            var key = "\(d.old.actor.capitalizedFirst) → \(d.new.actor.capitalizedFirst)"
            if d.modalityChanged { key += " (\(d.old.modality.danish) → \(d.new.modality.danish))" }
            let place = d.oldCitation.sectionPart == d.newCitation.sectionPart
                ? d.newCitation.sectionPart : "\(d.oldCitation.sectionPart) → \(d.newCitation.sectionPart)"
            if let k = groups.firstIndex(where: { $0.key == key }) {
                if !groups[k].places.contains(place) { groups[k].places.append(place) }
            } else {
                groups.append((key, [place]))
            }
        }
        if !groups.isEmpty {
            lines.append(
                "Who acts — " + groups.map { "\($0.key) in \($0.places.joined(separator: ", "))" }.joined(separator: "; ")
                    + ".")
        }

        // Amounts grouped by old → new text.
        var amountGroups: [(key: String, places: [String])] = []
        for a in diff.amounts {
            let place = a.newCitation.sectionPart
            if let k = amountGroups.firstIndex(where: { $0.key == a.summary }) {
                if !amountGroups[k].places.contains(place) { amountGroups[k].places.append(place) }
            } else {
                amountGroups.append((a.summary, [place]))
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
        if !diff.citations.isEmpty {
            let stale = diff.citations.filter { $0.issue == .stale }.count
            let changed = diff.citations.filter { $0.issue == .changedTarget }.count
            let unresolved = diff.citations.filter { $0.issue == .unresolved }.count
            let corrected = diff.citations.filter { $0.issue == .corrected }.count
            var parts: [String] = []
            if stale > 0 { parts.append("\(stale) stale") }
            if changed > 0 { parts.append("\(changed) with a changed target") }
            if unresolved > 0 { parts.append("\(unresolved) that no longer resolve") }
            if corrected > 0 { parts.append("\(corrected) corrected") }
            lines.append(
                "Citations — \(parts.joined(separator: ", ")): "
                    + diff.citations.map { c in
                        "\(c.newCitation) “\(c.newText)”"
                            + (c.issue == .corrected
                                ? " (corrects “\(c.oldText ?? "?")”, stale in the old version)"
                                : c.expectedTarget.map { " (expected \($0))" } ?? "")
                    }
                    .joined(separator: "; ") + ".")
        }
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
}

extension String {
    /// "§ 21, stk. 3, 1. pkt." → "§ 21".
    var sectionPart: String { String(split(separator: ",").first ?? Substring(self)) }

    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
