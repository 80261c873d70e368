import Paragraf

/// Renders a ``DocumentDiff`` as Markdown: the story first, then every changed provision with
/// ~~deleted~~ and **inserted** words.
public struct MarkdownReportFormatter: LineReportFormatter {
    /// Whether to list unchanged sections too.
    public var includeUnchanged: Bool

    /// Creates a formatter.
    public init(includeUnchanged: Bool = false) { self.includeUnchanged = includeUnchanged }

    /// Hands the report to `out` one line at a time: the story, the summary tables, then the provisions.
    public func writeLines<Failure: Error>(_ diff: DocumentDiff, to out: (String) throws(Failure) -> Void) throws(Failure) {
        try out("# \(escape(ReportText.title(diff)))")
        try out("")
        if diff.isIdentical {
            try out("The two versions say the same: no change.")
            return
        }
        try out("## In short")
        try out("")
        for line in ReportStory.lines(diff) { try out("- " + escape(line)) }
        try out("")
        try out("## Summary")
        try out("")
        for (level, name) in ReportText.levelNames where diff.summary.alignment[level.rawValue] != nil {
            try out("- **\(name):** \(ReportText.levelLine(diff, level))")
        }
        try out(
            "- **Classified changes:** \(diff.amounts.count) amounts, \(diff.terms.count) term substitutions, "
                + "\(diff.duties.count) duty changes, \(diff.citations.count) doubtful citations, "
                + "\(diff.metadata.count) metadata changes")
        try out("")

        if !diff.metadata.isEmpty {
            try table("Metadata", ["Field", "Old", "New"], into: out, diff.metadata) { m in
                [ReportText.metadataNames[m.field] ?? m.field, cell(m.old ?? "—"), cell(m.new ?? "—")]
            }
        }

        let chapterChanges = diff.alignment.chapters.filter { $0.status != .unchanged }
        if !chapterChanges.isEmpty {
            try table("Chapters", ["Old", "New", "Status"], into: out, diff.alignment.chapters) { r in
                [
                    r.old.first.map { cell(ReportText.chapterName($0)) } ?? "—",
                    r.new.first.map { cell(ReportText.chapterName($0)) } ?? "—", ReportText.status(r),
                ]
            }
        }

        let sectionRows = diff.alignment.sections.filter { $0.status != .unchanged && $0.status != .modified }
        if !sectionRows.isEmpty {
            let headers = ["Old", "New", "Status", "Opening words"]
            try table("Renumbered, moved, added and removed sections", headers, into: out, sectionRows) { r in
                [
                    r.old.isEmpty ? "—" : r.old.map(\.citation).joined(separator: " + "),
                    r.new.isEmpty ? "—" : r.new.map(\.citation).joined(separator: " + "), ReportText.status(r),
                    cell((r.new.first ?? r.old.first)?.caption ?? ""),
                ]
            }
        }

        if !diff.amounts.isEmpty {
            try table("Amounts", ["Old", "New", "Change"], into: out, diff.amounts) { a in
                [
                    "\(a.oldCitation): \(cell(a.oldText))", "\(a.newCitation): \(cell(a.newText))",
                    a.percentChange.map { "\($0 >= 0 ? "+" : "−")\(abs($0)) %" } ?? "",
                ]
            }
        }

        if !diff.terms.isEmpty {
            try table("Term substitutions", ["Old term", "New term", "Count", "Places"], into: out, diff.terms) { t in
                [cell(t.old), cell(t.new) + (t.isKnownEraTerm ? " (era term)" : ""), "\(t.count)", cell(ReportText.places(t))]
            }
        }

        if !diff.duties.isEmpty {
            try table("Who must or may act", ["Old", "New", "Change"], into: out, diff.duties) { d in
                var what: [String] = []
                if d.actorChanged { what.append("duty-bearer") }
                if d.modalityChanged { what.append("modality \(d.old.modality.danish) → \(d.new.modality.danish)") }
                return [
                    "\(d.oldCitation): \(cell(phrase(d.old)))", "\(d.newCitation): \(cell(phrase(d.new)))",
                    what.joined(separator: ", "),
                ]
            }
        }

        if !diff.citations.isEmpty {
            try out("## Stale and doubtful citations")
            try out("")
            for c in diff.citations {
                try out("- **\(ReportText.issueName(c.issue))** in \(c.newCitation): “\(escape(c.newText))” — \(escape(c.explanation))")
            }
            try out("")
        }

        try out("## Provisions")
        try out("")
        try out("Deleted words are ~~struck through~~, inserted words **bold**.")
        try out("")
        let sections = includeUnchanged ? diff.sections : ReportText.changedSections(diff)
        for s in sections {
            let o = s.row.old.isEmpty ? "—" : s.row.old.map(\.citation).joined(separator: " + ")
            let n = s.row.new.isEmpty ? "—" : s.row.new.map(\.citation).joined(separator: " + ")
            try out("### \(o) → \(n) (\(ReportText.status(s.row)))")
            try out("")
            if !s.row.isModified && !s.row.old.isEmpty && !s.row.new.isEmpty {
                try out("Text unchanged.")
                try out("")
                continue
            }
            for p in s.provisions {
                let label: String
                switch (p.old, p.new) {
                case (let o?, let n?): label = o.citation == n.citation ? n.citation : "\(o.citation) → \(n.citation)"
                case (nil, let n?): label = "\(n.citation) (added)"
                case (let o?, nil): label = "\(o.citation) (removed)"
                default: label = ""
                }
                try out("- *\(escape(label))*: " + inline(p.segments))
            }
            try out("")
        }
    }

    private func phrase(_ d: Duty) -> String {
        d.modality == .does ? "\(d.actor) \(d.verb)" : "\(d.actor) \(d.modality.danish) \(d.verb)"
    }

    private func inline(_ segments: [TextSegment]) -> String {
        var out = ""
        for s in InlineText.pieces(segments) {
            switch s.kind {
            case .same: out += escape(s.text)
            case .deleted: out += mark(s.text, "~~")
            case .inserted: out += mark(s.text, "**")
            }
        }
        return out
    }

    /// Wraps the words of `text` in `marker`, keeping a leading space outside.
    private func mark(_ text: String, _ marker: String) -> String {
        let lead = text.hasPrefix(" ") ? " " : ""
        let body = text.hasPrefix(" ") ? String(text.dropFirst()) : text
        return body.isEmpty ? lead : lead + marker + escape(body) + marker
    }

    private func escape(_ text: String) -> String {
        // Most text has none of the characters: one pass over the bytes says so (they are all ASCII),
        // where the loop below costs a character comparison per character.
        guard text.utf8.contains(where: { MarkdownReportFormatter.special[Int($0)] }) else { return text }
        var out = ""
        for ch in text {
            if "\\`*_~[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// The bytes of the characters ``escape(_:)`` puts a backslash before.
    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\`*_~[]<>|#".utf8 { table[Int(byte)] = true }
        return table
    }()

    private func cell(_ text: String) -> String { escape(text) }

    /// A "## title" section with a table of one row per item (`row` writes its cells) under `headers`.
    private func table<Item, Failure: Error>(
        _ title: String, _ headers: [String], into out: (String) throws(Failure) -> Void, _ items: [Item],
        row: (Item) -> [String]
    ) throws(Failure) {
        try out("## \(title)")
        try out("")
        try out("| " + headers.joined(separator: " | ") + " |")
        try out("|" + String(repeating: "---|", count: headers.count))
        for item in items { try out("| " + row(item).joined(separator: " | ") + " |") }
        try out("")
    }
}
