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
