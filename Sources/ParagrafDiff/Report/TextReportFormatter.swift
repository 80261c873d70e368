import Paragraf

/// Renders a ``DocumentDiff`` for the terminal: the story, then changed provisions with `[-deleted-]`
/// and `{+inserted+}` words, or red and green when colour is on.
public struct TextReportFormatter: LineReportFormatter {
    /// Whether to use ANSI colours (the CLI turns them on only for a terminal without `NO_COLOR`).
    public var color: Bool
    /// Width at which tables truncate long captions.
    public var captionWidth: Int

    /// Creates a formatter.
    public init(color: Bool = false, captionWidth: Int = 60) {
        self.color = color
        self.captionWidth = captionWidth
    }

    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func red(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : "[-\(s)-]" }
    private func green(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : "{+\(s)+}" }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    private func cut(_ s: String) -> String {
        s.count <= captionWidth ? s : String(s.prefix(captionWidth - 1)) + "…"
    }

    /// Hands the report to `out` one line at a time: the story, the counts and lists, then the provisions.
    public func writeLines<Failure: Error>(_ diff: DocumentDiff, to out: (String) throws(Failure) -> Void) throws(Failure) {
        try out(bold(ReportText.title(diff)))
        if diff.isIdentical {
            try out("No change: the two versions say the same.")
            return
        }
        try out("")
        for line in ReportStory.lines(diff) { try out("• " + line) }
        try out("")
        for (level, name) in ReportText.levelNames where diff.summary.alignment[level.rawValue] != nil {
            try out("\(name): \(ReportText.levelLine(diff, level))")
        }
        try out(
            "Changes: \(diff.amounts.count) amounts, \(diff.terms.count) term substitutions, \(diff.duties.count) duty changes, "
                + "\(diff.citations.count) doubtful citations, \(diff.metadata.count) metadata changes")

        if !diff.metadata.isEmpty {
            try out("")
            try out(bold("Metadata"))
            for m in diff.metadata {
                try out("  \(ReportText.metadataNames[m.field] ?? m.field): \(m.old ?? "—") → \(m.new ?? "—")")
            }
        }
        let chapters = diff.alignment.chapters.filter { $0.status != .unchanged }
        if !chapters.isEmpty {
            try out("")
            try out(bold("Chapters"))
            for r in chapters {
                let o = r.old.first.map { cut(ReportText.chapterName($0)) } ?? "—"
                let n = r.new.first.map { cut(ReportText.chapterName($0)) } ?? "—"
                try out("  \(o) → \(n)  (\(ReportText.status(r)))")
            }
        }
        let sections = diff.alignment.sections.filter { $0.status != .unchanged && $0.status != .modified }
        try list("Renumbered, moved, added and removed §§", into: out, sections) { r in
            let caption = (r.new.first ?? r.old.first)?.caption ?? ""
            return "\(pad(r.arrow, 16)) \(pad(ReportText.status(r), 36)) \(dim(cut(caption)))"
        }
        try list("Amounts", into: out, diff.amounts) { "\(pad($0.oldCitation + " → " + $0.newCitation, 48)) \($0.summary)" }
        try list("Term substitutions", into: out, diff.terms) { t in
            "\(t.old) → \(t.new) (\(t.count)×)\(t.isKnownEraTerm ? " [era term]" : ""): \(ReportText.places(t, limit: 3))"
        }
        try list("Who must or may act", into: out, diff.duties) { "\(pad($0.oldCitation + " → " + $0.newCitation, 48)) \($0.summary)" }
        try list("Stale and doubtful citations", into: out, diff.citations) { c in
            "\(ReportText.issueName(c.issue)): \(c.newCitation) “\(c.newText)”: \(c.explanation)"
        }
        try out("")
        try out(bold("Provisions"))
        for s in ReportText.changedSections(diff) {
            try out("")
            try out(bold("\(s.row.arrow)  (\(ReportText.status(s.row)))"))
            if !s.row.isModified && !s.row.old.isEmpty && !s.row.new.isEmpty { try out("  (text unchanged)") }
            for p in s.provisions where p.isChanged || p.old == nil || p.new == nil || ReportText.isRelocated(p, in: s) {
                let label: String
                switch (p.old, p.new) {
                case (let o?, let n?): label = o.citation == n.citation ? n.citation : "\(o.citation) → \(n.citation)"
                case (nil, let n?): label = "\(n.citation) (added)"
                case (let o?, nil): label = "\(o.citation) (removed)"
                default: label = ""
                }
                var line = "  \(label): "
                if !p.isChanged && p.old != nil && p.new != nil {
                    try out(line + "(text unchanged)")
                    continue
                }
                for piece in InlineText.pieces(p.segments) {
                    let lead = piece.text.hasPrefix(" ") ? " " : ""
                    let body = lead.isEmpty ? piece.text : String(piece.text.dropFirst())
                    switch piece.kind {
                    case .same: line += piece.text
                    case .deleted: line += lead + red(body)
                    case .inserted: line += lead + green(body)
                    }
                }
                try out(line)
            }
        }
    }

    /// A bold heading and an indented line per item (`line` writes it), when there are any.
    private func list<Item, Failure: Error>(
        _ title: String, into out: (String) throws(Failure) -> Void, _ items: [Item], _ line: (Item) -> String
    ) throws(Failure) {
        guard !items.isEmpty else { return }
        try out("")
        try out(bold(title))
        for item in items { try out("  " + line(item)) }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
