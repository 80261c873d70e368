import Paragraf

/// Renders a ``DocumentDiff`` as one self-contained HTML page: the summary first (counts, chapters,
/// renumbering, amounts, term substitutions, duty changes, doubtful citations), then every section side by
/// side with deletions and insertions marked and an anchor per section and provision.
///
/// Every piece of text from the documents is HTML-escaped; the page loads nothing from elsewhere.
public struct HTMLReportFormatter: LineReportFormatter {
    /// Whether unchanged sections are shown (collapsed) in the side-by-side part.
    public var includeUnchanged: Bool

    /// Creates a formatter.
    public init(includeUnchanged: Bool = true) { self.includeUnchanged = includeUnchanged }

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        // Most text has none of the five (all ASCII): one pass over the bytes says so, where the loop
        // below costs a character comparison per character.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    private func e(_ s: String) -> String { HTMLReportFormatter.escape(s) }

    /// Hands the page to `h` one line at a time: the head, the summary, then the provisions side by side.
    public func writeLines<Failure: Error>(_ diff: DocumentDiff, to h: (String) throws(Failure) -> Void) throws(Failure) {
        let title = ReportText.title(diff)
        try h("<!DOCTYPE html>")
        try h("<html lang=\"da\"><head><meta charset=\"utf-8\">")
        try h("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        try h("<title>\(e(title))</title>")
        try h("<style>\(HTMLReportFormatter.css)</style></head><body>")
        try h("<header><h1>\(e(diff.new.title ?? diff.old.title ?? "Regulation"))</h1>")
        try h(
            "<p class=\"versions\"><span class=\"old\">\(e(versionLine(diff.old)))</span> → <span class=\"new\">\(e(versionLine(diff.new)))</span></p></header>"
        )
        try h("<main>")
        if diff.isIdentical {
            try h("<p class=\"identical\">No change: the two versions say the same.</p></main></body></html>")
            return
        }
        var anchorOf: [String: String] = [:]
        for s in diff.sections { anchorOf[rowKey(s.row)] = s.anchor }

        try writeSummary(diff, to: h)

        if !diff.metadata.isEmpty {
            try h("<section id=\"metadata\"><h2>Metadata</h2><table><thead><tr><th>Field</th><th>Old</th><th>New</th></tr></thead><tbody>")
            for m in diff.metadata {
                try h(
                    "<tr><td>\(e(ReportText.metadataNames[m.field] ?? m.field))</td><td><span class=\"was\">\(e(m.old ?? "—"))</span></td><td><span class=\"now\">\(e(m.new ?? "—"))</span></td></tr>"
                )
            }
            try h("</tbody></table></section>")
        }

        try h("<section id=\"chapters\"><h2>Chapters</h2><table><thead><tr><th>Old</th><th>New</th><th>Status</th></tr></thead><tbody>")
        for r in diff.alignment.chapters {
            let o = r.old.first.map { e(ReportText.chapterName($0)) } ?? "—"
            let n = r.new.first.map { e(ReportText.chapterName($0)) } ?? "—"
            try h("<tr><td>\(o)</td><td>\(n)</td><td>\(badge(r))</td></tr>")
        }
        try h("</tbody></table></section>")

        let moved = diff.alignment.sections.filter { $0.status != .unchanged && $0.status != .modified }
        let renumberingHeaders = ["Old", "New", "Status", "Opening words"]
        try tableSection("renumbering", "Renumbered, moved, added and removed §§", renumberingHeaders, into: h, moved) { r in
            let o = r.old.isEmpty ? "—" : e(r.old.map(\.citation).joined(separator: " + "))
            let n = r.new.isEmpty ? "—" : e(r.new.map(\.citation).joined(separator: " + "))
            let link = anchorOf[rowKey(r)].map { "<a href=\"#\(e($0))\">" } ?? "<a>"
            let caption = (r.new.first ?? r.old.first)?.caption ?? ""
            return "<tr><td>\(link)\(o)</a></td><td>\(link)\(n)</a></td><td>\(badge(r))</td><td class=\"caption\">\(e(caption))</td></tr>"
        }

        try tableSection("amounts", "Amounts", ["Old", "New", "Amount", "Change"], into: h, diff.amounts) { a in
            let change = a.percentChange.map { "\($0 >= 0 ? "+" : "−")\(abs($0)) %" } ?? ""
            return
                "<tr><td>\(e(a.oldCitation))</td><td>\(e(a.newCitation))</td><td><span class=\"was\">\(e(a.oldText))</span> → <span class=\"now\">\(e(a.newText))</span></td><td class=\"num\">\(e(change))</td></tr>"
        }

        try tableSection("terms", "Term substitutions", ["Old term", "New term", "Count", "Places"], into: h, diff.terms) { t in
            let places = t.places.map { p in
                e(p.oldCitation == p.newCitation ? p.newCitation : "\(p.oldCitation) → \(p.newCitation)")
            }.joined(separator: "<br>")
            let seed = t.isKnownEraTerm ? " <span class=\"tag\">era term</span>" : ""
            return
                "<tr><td><span class=\"was\">\(e(t.old))</span></td><td><span class=\"now\">\(e(t.new))</span>\(seed)</td><td class=\"num\">\(t.count)</td><td><details><summary>\(t.places.count) places</summary>\(places)</details></td></tr>"
        }

        try tableSection("duties", "Who must or may act", ["Old", "New", "Change"], into: h, diff.duties) { d in
            var what: [String] = []
            if d.actorChanged { what.append("duty-bearer") }
            if d.modalityChanged { what.append("modality: \(d.old.modality.danish) → \(d.new.modality.danish)") }
            return
                "<tr><td>\(e(d.oldCitation)): <span class=\"was\">\(e(phrase(d.old)))</span></td><td>\(e(d.newCitation)): <span class=\"now\">\(e(phrase(d.new)))</span></td><td>\(e(what.joined(separator: ", ")))</td></tr>"
        }

        try h("<section id=\"citations\"><h2>Stale and doubtful citations</h2>")
        if diff.citations.isEmpty {
            try h("<p>None.</p>")
        } else {
            try h("<ul class=\"citations\">")
            for c in diff.citations {
                try h(
                    "<li><span class=\"badge \(c.issue.rawValue)\">\(e(ReportText.issueName(c.issue)))</span> <strong>\(e(c.newCitation))</strong>: “\(e(c.newText))” — \(e(c.explanation))</li>"
                )
            }
            try h("</ul>")
        }
        try h("</section>")

        try writeSideBySide(diff, to: h)
        try h("</section></main>")
        try h("<footer>Generated by Paragraf · schema \(diff.schemaVersion)</footer></body></html>")
    }

    /// The story, the alignment counts by level and the counts of classified changes.
    private func writeSummary<Failure: Error>(_ diff: DocumentDiff, to h: (String) throws(Failure) -> Void) throws(Failure) {
        try h("<section id=\"story\"><h2>In short</h2><ul class=\"story\">")
        for line in ReportStory.lines(diff) { try h("<li>\(e(line))</li>") }
        try h("</ul></section>")
        try h("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">")
        for (level, name) in ReportText.levelNames {
            guard let counts = diff.summary.alignment[level.rawValue] else { continue }
            try h("<div class=\"card\"><h3>\(e(name))</h3><ul>")
            for status in AlignmentStatus.allCases {
                if let n = counts[status.rawValue] {
                    try h("<li><span class=\"badge \(status.rawValue)\">\(status.rawValue)</span> \(n)</li>")
                }
            }
            try h("</ul></div>")
        }
        try h("<div class=\"card\"><h3>Classified changes</h3><ul>")
        try h("<li><a href=\"#amounts\">Amounts</a> \(diff.amounts.count)</li>")
        try h("<li><a href=\"#terms\">Term substitutions</a> \(diff.terms.count)</li>")
        try h("<li><a href=\"#duties\">Duty changes</a> \(diff.duties.count)</li>")
        try h("<li><a href=\"#citations\">Doubtful citations</a> \(diff.citations.count)</li>")
        try h("<li><a href=\"#metadata\">Metadata</a> \(diff.metadata.count)</li>")
        try h("</ul></div></div></section>")
    }

    /// Every section side by side (the changed ones only, unless ``includeUnchanged``).
    private func writeSideBySide<Failure: Error>(_ diff: DocumentDiff, to h: (String) throws(Failure) -> Void) throws(Failure) {
        try h("<section id=\"provisions\"><h2>Provisions side by side</h2>")
        try h(
            "<p class=\"legend\"><del>deleted</del> <ins>inserted</ins> <ins class=\"amount\">amount</ins> <ins class=\"duty\">duty-bearer</ins> <ins class=\"term\">term substitution</ins> — left: \(e(ReportText.versionName(diff.old))), right: \(e(ReportText.versionName(diff.new)))</p>"
        )
        let changed = Set(ReportText.changedSections(diff).map(\.anchor))
        for s in diff.sections where includeUnchanged || changed.contains(s.anchor) {
            let isChanged = changed.contains(s.anchor)
            let o = s.row.old.isEmpty ? "—" : s.row.old.map(\.citation).joined(separator: " + ")
            let n = s.row.new.isEmpty ? "—" : s.row.new.map(\.citation).joined(separator: " + ")
            try h("<article class=\"provision \(isChanged ? "changed" : "same")\" id=\"\(e(s.anchor))\">")
            try h("<h3><a class=\"anchor\" href=\"#\(e(s.anchor))\">#</a> \(e(o)) → \(e(n)) \(badge(s.row))</h3>")
            if !isChanged { try h("<details><summary>unchanged</summary>") }
            try h("<table class=\"sxs\"><colgroup><col class=\"c\"><col><col></colgroup><tbody>")
            for p in s.provisions {
                let id = "\(s.anchor)--\(p.old?.id.joined(separator: "-") ?? "add")-\(p.new?.id.joined(separator: "-") ?? "del")"
                let label: String
                switch (p.old, p.new) {
                case (let o?, let n?): label = o.citation == n.citation ? n.citation : "\(o.citation) → \(n.citation)"
                case (nil, let n?): label = n.citation
                case (let o?, nil): label = o.citation
                default: label = ""
                }
                try h(
                    "<tr id=\"\(e(id))\"><th><a href=\"#\(e(id))\">\(e(label))</a></th><td class=\"old\">\(side(p.segments, old: true))</td><td class=\"new\">\(side(p.segments, old: false))</td></tr>"
                )
            }
            try h("</tbody></table>")
            if !isChanged { try h("</details>") }
            try h("</article>")
        }
    }

    /// A section holding a table of one row per item (`row` makes each a whole `<tr>`) under `headers`, or
    /// "None." when there are none.
    private func tableSection<Item, Failure: Error>(
        _ id: String, _ title: String, _ headers: [String], into h: (String) throws(Failure) -> Void, _ items: [Item],
        row: (Item) -> String
    ) throws(Failure) {
        try h("<section id=\"\(id)\"><h2>\(title)</h2>")
        if items.isEmpty {
            try h("<p>None.</p>")
        } else {
            try h("<table><thead><tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>")
            for item in items { try h(row(item)) }
            try h("</tbody></table>")
        }
        try h("</section>")
    }

    private func side(_ segments: [TextSegment], old: Bool) -> String {
        var out = ""
        for (text, changed, category) in InlineText.side(segments, old: old) {
            if changed {
                let lead = text.hasPrefix(" ") ? " " : ""
                let body = lead.isEmpty ? text : String(text.dropFirst())
                let c = category.map { " class=\"\($0.rawValue)\" title=\"\($0.rawValue)\"" } ?? ""
                out += lead + (old ? "<del\(c)>\(e(body))</del>" : "<ins\(c)>\(e(body))</ins>")
            } else {
                out += e(text)
            }
        }
        return out
    }

    private func badge(_ r: AlignmentRow) -> String {
        "<span class=\"badge \(r.status.rawValue)\">\(e(ReportText.status(r)))</span>"
    }

    private func phrase(_ d: Duty) -> String {
        d.modality == .does ? "\(d.actor) \(d.verb)" : "\(d.actor) \(d.modality.danish) \(d.verb)"
    }

    private func rowKey(_ r: AlignmentRow) -> String {
        r.old.map(\.id.description).joined(separator: "+") + "|" + r.new.map(\.id.description).joined(separator: "+")
    }

    private func versionLine(_ v: VersionSummary) -> String {
        var parts = [ReportText.versionName(v)]
        if let d = v.inForceDate { parts.append("i kraft \(d.danish)") }
        if let m = v.ministry { parts.append(m) }
        return parts.joined(separator: " · ")
    }

    static let css = """
        :root{--del:#ffe0e0;--deltext:#8a1010;--ins:#dcf5dc;--instext:#0b5d0b;--line:#ddd;--muted:#666}
        *{box-sizing:border-box}body{font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{background:#1f3b57;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:24px}
        .versions{margin:0;opacity:.9}main{padding:8px 28px 40px;max-width:1500px}
        h2{border-bottom:2px solid #1f3b57;padding-bottom:4px;margin-top:32px}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:180px}
        .card h3{margin:0 0 6px;font-size:14px}.card ul{list-style:none;margin:0;padding:0}.card li{margin:2px 0}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
        thead th{background:#eef2f6}td.num{text-align:right;white-space:nowrap}td.caption{color:var(--muted)}
        del{background:var(--del);color:var(--deltext);text-decoration:line-through}.was{background:var(--del);color:var(--deltext)}
        del.amount,ins.amount{font-weight:bold;outline:1px solid currentColor}del.duty,ins.duty{font-weight:bold}
        del.term,ins.term{border-bottom:1px dotted currentColor}.now{background:var(--ins);color:var(--instext)}
        ul.story{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px 10px 30px;margin:0}ul.story li{margin:4px 0}ins{background:var(--ins);color:var(--instext);text-decoration:none}
        .badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;background:#e6e6e6;white-space:nowrap;font-weight:normal}
        .badge.added{background:#c9efc9}.badge.removed{background:#f7c9c9}.badge.renumbered{background:#dbe7fb}.badge.moved{background:#fde7b5}
        .badge.modified{background:#ececec}.badge.split,.badge.merged{background:#e9d8fb}.badge.stale{background:#f7c9c9}.badge.changedTarget{background:#fde7b5}.badge.unresolved{background:#f0d0f0}
        .tag{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:8px;padding:0 5px}
        article.provision{background:#fff;border:1px solid var(--line);border-radius:6px;margin:14px 0;padding:4px 12px 12px}
        article.provision h3{font-size:16px;margin:8px 0}a.anchor{color:#aaa;text-decoration:none}
        table.sxs{table-layout:fixed}table.sxs col.c{width:150px}table.sxs th{font-weight:normal;color:var(--muted);font-size:13px;background:#f6f8fa}
        table.sxs td{width:calc(50% - 75px)}article.same{opacity:.75}.legend{color:var(--muted)}
        footer{color:var(--muted);padding:12px 28px;font-size:12px}
        td,th{overflow-wrap:break-word}td>a{white-space:nowrap}.badge.corrected{background:#c9efc9}
        @media (max-width:700px){
        body{font-size:14px}header{padding:12px 14px}header h1{font-size:19px}main{padding:6px 10px 28px}
        .card{min-width:0;flex:1 1 100%}section>table{display:block;overflow-x:auto}td.num,.badge{white-space:normal}th,td{padding:4px 5px}
        table.sxs,table.sxs tbody,table.sxs tr,table.sxs th,table.sxs td{display:block;width:auto}table.sxs colgroup{display:none}
        table.sxs tr{border-top:1px solid var(--line);padding:4px 0}table.sxs th{border:0;background:none;padding:4px 0 0}
        table.sxs td{border:0;border-left:3px solid var(--line);padding:2px 0 2px 8px;margin:2px 0}
        table.sxs td.old{border-left-color:#e8a0a0}table.sxs td.new{border-left-color:#9fd49f}
        table.sxs td.old:before{content:"old: ";color:var(--muted);font-size:12px}table.sxs td.new:before{content:"new: ";color:var(--muted);font-size:12px}
        }
        @media print{
        body{background:#fff;font-size:10pt}header{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 6px}
        main{max-width:none;padding:0}footer{padding:8px 0}a.anchor{display:none}a{color:inherit;text-decoration:none}
        del,ins,.was,.now,.badge,thead th,table.sxs th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        h2,h3{break-after:avoid}tr,article.provision h3,.card{break-inside:avoid}article.same{display:none}
        }
        """
}
