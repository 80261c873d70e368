import Paragraf
import ParagrafDiff
import ParagrafStore

/// `/works/{work}/{version}/{address}` and `/works/{work}/at/{date}/{address}`: a provision's text with every
/// citation a link to its target (in other works too, where the corpus has them), what cites it, and its history
/// through the versions with the changes marked.
struct ProvisionPage {
    let site: ParagrafSite
    let version: StoredVersion
    let address: Address
    /// The date asked for, for `…/at/{date}/…`.
    let date: LegalDate?

    func render() throws -> String {
        let store = site.store
        let provision = try store.provision(address, in: version)
        let path = provision.node.id.description
        let citations = try store.citations(in: version, under: path)
        let citing = try store.citations(citing: path, in: version, limit: RequestReader.maxResults)
        var main = ""
        if let date {
            main +=
                "<p class=\"notice\">On \(HTML.escape(date.description)) \(HTML.escape(version.label)) applied (in force "
                + "\(HTML.escape(PageText.interval(version)))). Stable address of this text in that version: "
                + HTML.link(SiteURLs.provision(version.work, version.name, path), SiteURLs.provision(version.work, version.name, path))
                + "</p>"
        }
        var unplaced: [NodeCitation] = []
        var byPath: [String: [NodeCitation]] = [:]
        for c in citations { byPath[c.path, default: []].append(c) }
        main += "<article class=\"law\" lang=\"da\" id=\"text\">"
        main += render(provision.node, byPath, &unplaced, top: true)
        main += "</article>"
        main +=
            "<p class=\"lede\">JSON: " + HTML.link("/api" + SiteURLs.provision(version.work, version.name, path), "this provision")
            + " · "
            + HTML.link(
                "/api" + SiteURLs.work(version.work) + "/history/" + SiteURLs.pathSegments(path) + "?in="
                    + SiteURLs.component(version.name), "its history")
            + "</p>"
        main += citationsSection(citations, unplaced: unplaced)
        main += citedBySection(citing)
        main += historySection()
        return Page(
            title: "\(provision.citation), \(version.label)",
            crumbs: [
                ("/", "Home"), (SiteURLs.work(version.work), version.work), (SiteURLs.version(version.work, version.name), version.label),
            ],
            heading: "\(provision.citation) — \(PageText.title(version.title))",
            subtitle: "\(provision.place) · \(version.label), in force \(PageText.interval(version))", main: main
        ).render()
    }

    /// A node and its subtree as HTML, each leaf's citations linked.
    private func render(_ node: Node, _ byPath: [String: [NodeCitation]], _ unplaced: inout [NodeCitation], top: Bool = false) -> String {
        let id = HTML.escape(node.id.description.replacingOccurrences(of: "/", with: "-"))
        func leaf(_ n: Node) -> String {
            guard let text = n.text else { return "" }
            let (html, missed) = CitationLinks.linked(text, byPath[n.id.description] ?? [])
            unplaced += missed
            return html
        }
        func sentences(_ n: Node) -> String {
            var parts = n.children.filter { $0.kind == .sentence }.map(leaf)
            if n.text != nil, n.children.isEmpty { parts.append(leaf(n)) }
            return parts.joined(separator: " ")
        }
        func label(_ text: String?) -> String { text.map { "<span class=\"label\">\(HTML.escape($0))</span> " } ?? "" }
        switch node.kind {
        case .chapter, .part, .annex:
            var html =
                "<h3 id=\"\(id)\">\(HTML.escape([node.label ?? node.citationLabel, node.title].compactMap { $0 }.joined(separator: " ")))</h3>"
            for child in node.children { html += render(child, byPath, &unplaced) }
            return html
        case .section:
            var html = "<section id=\"\(id)\">"
            let head = node.label ?? node.citationLabel
            if node.children.isEmpty {
                return html + "<p>\(label(head))\(node.isRepealed ? "(Ophævet)" : leaf(node))</p></section>"
            }
            for (i, child) in node.children.enumerated() {
                if i == 0, child.kind == .subsection, child.label == nil {
                    html +=
                        "<p class=\"stk\" id=\"\(HTML.escape(child.id.description.replacingOccurrences(of: "/", with: "-")))\">\(label(head))\(sentences(child))</p>"
                    for grand in child.children where grand.kind != .sentence { html += render(grand, byPath, &unplaced) }
                } else {
                    html += render(child, byPath, &unplaced)
                }
            }
            return html + "</section>"
        case .subsection, .item:
            let open = node.kind == .item ? "<div class=\"item\" id=\"\(id)\">" : "<p class=\"stk\" id=\"\(id)\">"
            var html = open + label(node.label) + sentences(node) + (node.kind == .item ? "" : "</p>")
            for child in node.children where child.kind != .sentence { html += render(child, byPath, &unplaced) }
            return html + (node.kind == .item ? "</div>" : "")
        case .sentence:
            return "<p id=\"\(id)\">\(leaf(node))</p>"
        default:
            var html = node.text.map { _ in "<p id=\"\(id)\">\(label(node.label))\(leaf(node))</p>" } ?? ""
            for child in node.children { html += render(child, byPath, &unplaced) }
            return html
        }
    }

    /// Every citation in the provision, with its target (those not found in the text included).
    private func citationsSection(_ citations: [NodeCitation], unplaced: [NodeCitation]) -> String {
        guard !citations.isEmpty else {
            return "<section id=\"citations\"><h2>Citations</h2><p class=\"lede\">This provision cites nothing.</p></section>"
        }
        var html =
            "<section id=\"citations\"><h2>Citations (\(citations.count))</h2><table class=\"list\"><thead><tr><th>Where</th><th>Citation</th><th>Target</th></tr></thead><tbody>"
        for c in citations {
            html +=
                "<tr><td class=\"n\">\(HTML.escape(c.place))</td><td lang=\"da\">\(HTML.escape(c.lead.isEmpty ? c.text : "\(c.lead) \(c.text)"))</td><td>\(CitationLinks.target(c))</td></tr>"
        }
        html += "</tbody></table>"
        if !unplaced.isEmpty {
            html +=
                "<p class=\"lede\">\(unplaced.count) citation target\(unplaced.count == 1 ? "" : "s") could not be placed in the text above; each is in the table.</p>"
        }
        return html + "</section>"
    }

    /// The provisions citing this one, its own version's and other documents'.
    private func citedBySection(_ citing: [NodeCitation]) -> String {
        var html = "<section id=\"cited-by\"><h2>Cited by (\(citing.count)\(citing.count >= RequestReader.maxResults ? "+" : ""))</h2>"
        guard !citing.isEmpty else { return html + "<p class=\"lede\">No provision in the corpus cites it.</p></section>" }
        html += "<table class=\"list\"><thead><tr><th>Citing provision</th><th>Citation</th><th>Edge</th></tr></thead><tbody>"
        for c in citing {
            let from = c.fromLabel ?? "?"
            let place: String
            if let work = c.fromWork, let version = c.fromVersion {
                place = HTML.link(SiteURLs.provision(work, version, c.path), "\(from) \(c.place)")
            } else {
                place = HTML.escape("\(from) \(c.place)")
            }
            html +=
                "<tr><td>\(place)</td><td lang=\"da\">\(HTML.escape(c.lead.isEmpty ? c.text : "\(c.lead) \(c.text)"))</td><td>\(HTML.escape(c.edge.rawValue))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// The provision through the versions of its work, the words changed at each step marked.
    private func historySection() -> String {
        var html = "<section id=\"history\" class=\"history\"><h2>History</h2>"
        let stored: StoredHistory
        do {
            stored = try site.histories.history(work: version.work, version: version.name, address: address) { () throws(StoreError) in
                try site.store.history(of: address, in: version.name, work: version.work)
            }
        } catch {
            return html + "<p class=\"lede\">\(HTML.escape(error.description))</p></section>"
        }
        let history = stored.history
        let amounts = history.amountLines
        if !amounts.isEmpty {
            html += "<h3>Amounts at a glance</h3><ul>" + amounts.map { "<li lang=\"da\">\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        for (n, entry) in history.entries.enumerated() {
            html += "<h3>"
            if let id = entry.id, let citation = entry.citation {
                html += HTML.link(SiteURLs.provision(version.work, entry.version, id.description), "\(entry.version): \(citation)")
                html += "</h3><p class=\"lede\">\(HTML.escape(entry.place ?? ""))\(entry.note.map { " · " + HTML.escape($0) } ?? "")</p>"
            } else {
                html +=
                    "\(HTML.escape(entry.version)): —</h3><p class=\"lede\">no counterpart in this version\(entry.note.map { " · " + HTML.escape($0) } ?? "")</p>"
            }
            guard n < history.steps.count else { continue }
            let step = history.steps[n]
            html +=
                "<div class=\"step\"><p>⇣ \(HTML.escape("\(step.from) → \(step.to): \(step.arrow)")) <span class=\"badge \(HTML.escape(step.status?.rawValue ?? ""))\">\(HTML.escape(step.status?.rawValue ?? "?"))</span></p>"
            for p in step.provisions where p.isChanged {
                html += "<p lang=\"da\"><b>\(HTML.escape(p.new?.citation ?? p.old?.citation ?? ""))</b>: \(Self.marked(p.segments))</p>"
            }
            html += "</div>"
        }
        if !stored.missing.isEmpty {
            html +=
                "<p class=\"lede\">Versions without text in the corpus, not shown: \(HTML.escape(stored.missing.joined(separator: ", ")))</p>"
        }
        return html + "</section>"
    }

    /// Segments of a word diff with deletions and insertions marked.
    static func marked(_ segments: [TextSegment]) -> String {
        var html = ""
        for s in segments {
            switch s.operation {
            case .equal: html += HTML.escape(s.new ?? s.old ?? "")
            case .delete: html += "<del>\(HTML.escape(s.old ?? ""))</del>"
            case .insert: html += "<ins>\(HTML.escape(s.new ?? ""))</ins>"
            case .replace: html += "<del>\(HTML.escape(s.old ?? ""))</del> <ins>\(HTML.escape(s.new ?? ""))</ins>"
            }
        }
        return html
    }
}
