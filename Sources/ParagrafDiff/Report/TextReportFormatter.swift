import Paragraf

/// Renders a ``DocumentDiff`` for the terminal: the story, then changed provisions with `[-deleted-]`
/// and `{+inserted+}` words, or red and green when colour is on.
public struct TextReportFormatter: Sendable {
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

    /// The report.
    public func format(_ diff: DocumentDiff) -> String {
        var out: [String] = []
        out.append(bold(ReportText.title(diff)))
        if diff.isIdentical {
            out.append("No change: the two versions say the same.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        for line in ReportStory.lines(diff) { out.append("• " + line) }
        out.append("")
        for (level, name) in ReportText.levelNames where diff.summary.alignment[level.rawValue] != nil {
            out.append("\(name): \(ReportText.levelLine(diff, level))")
        }
        out.append(
            "Changes: \(diff.amounts.count) amounts, \(diff.terms.count) term substitutions, \(diff.duties.count) duty changes, "
                + "\(diff.citations.count) doubtful citations, \(diff.metadata.count) metadata changes")

        if !diff.metadata.isEmpty {
            out.append("")
            out.append(bold("Metadata"))
            for m in diff.metadata {
                out.append("  \(ReportText.metadataNames[m.field] ?? m.field): \(m.old ?? "—") → \(m.new ?? "—")")
            }
        }
        let chapters = diff.alignment.chapters.filter { $0.status != .unchanged }
        if !chapters.isEmpty {
            out.append("")
            out.append(bold("Chapters"))
            for r in chapters {
                let o = r.old.first.map { cut(ReportText.chapterName($0)) } ?? "—"
                let n = r.new.first.map { cut(ReportText.chapterName($0)) } ?? "—"
                out.append("  \(o) → \(n)  (\(ReportText.status(r)))")
            }
        }
        /// A bold heading and indented lines, when there are any.
        func list(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out.append("")
            out.append(bold(title))
            out.append(contentsOf: lines.map { "  " + $0 })
        }
        let sections = diff.alignment.sections.filter { $0.status != .unchanged && $0.status != .modified }
        list("Renumbered, moved, added and removed §§", sections.map { r in
            let caption = (r.new.first ?? r.old.first)?.caption ?? ""
            return "\(pad(r.arrow, 16)) \(pad(ReportText.status(r), 36)) \(dim(cut(caption)))"
        })
        list("Amounts", diff.amounts.map { "\(pad($0.oldCitation + " → " + $0.newCitation, 48)) \($0.summary)" })
        list("Term substitutions", diff.terms.map { t in
            "\(t.old) → \(t.new) (\(t.count)×)\(t.isKnownEraTerm ? " [era term]" : ""): \(ReportText.places(t, limit: 3))"
        })
        list("Who must or may act", diff.duties.map { "\(pad($0.oldCitation + " → " + $0.newCitation, 48)) \($0.summary)" })
        list("Stale and doubtful citations", diff.citations.map { c in
            "\(ReportText.issueName(c.issue)): \(c.newCitation) “\(c.newText)”: \(c.explanation)"
        })
        out.append("")
        out.append(bold("Provisions"))
        for s in ReportText.changedSections(diff) {
            out.append("")
            out.append(bold("\(s.row.arrow)  (\(ReportText.status(s.row)))"))
            if !s.row.isModified && !s.row.old.isEmpty && !s.row.new.isEmpty { out.append("  (text unchanged)") }
            for p in s.provisions where p.isChanged || p.old == nil || p.new == nil || ReportText.isRelocated(p, in: s) {
                let label: String
                switch (p.old, p.new) {
                case let (o?, n?): label = o.citation == n.citation ? n.citation : "\(o.citation) → \(n.citation)"
                case let (nil, n?): label = "\(n.citation) (added)"
                case let (o?, nil): label = "\(o.citation) (removed)"
                default: label = ""
                }
                var line = "  \(label): "
                if !p.isChanged && p.old != nil && p.new != nil {
                    out.append(line + "(text unchanged)")
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
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
