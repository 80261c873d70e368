import Paragraf
import ParagrafStore

/// `/works/{work}/{version}`: metadata (with the ELI link and the legal basis resolved to the enabling
/// provisions), a "go to provision" box and the table of contents.
struct VersionPage {
    let site: ParagrafSite
    let version: StoredVersion

    func render() throws -> String {
        let store = site.store
        guard let id = version.document, version.hasText else {
            throw StoreError.notFound(
                "\(version.label) (\(version.work)) is known, but its text is not in the corpus"
                    + (version.validFrom.map { "; it applied from \($0)" } ?? "") + (version.validTo.map { " to \($0)" } ?? ""))
        }
        let stored = try store.document(id)
        let summary = stored.summary
        let base = SiteURLs.version(version.work, version.name)
        var main = "<div class=\"grid\"><section class=\"box\" id=\"metadata\"><h2>About this version</h2><dl class=\"meta\">"
        func row(_ name: String, _ html: String) { main += "<dt>\(name)</dt><dd>\(html)</dd>" }
        row("Instrument", HTML.escape(version.label) + (summary.retsinformationType.map { " (\(HTML.escape($0)))" } ?? ""))
        row("Work", HTML.link(SiteURLs.work(version.work), version.work))
        row("Signed", HTML.escape(version.signed?.description ?? "?"))
        row("In force", HTML.escape(PageText.interval(version)))
        if let by = version.repealedBy { row("Repealed by", HTML.escape(by)) }
        if let ministry = stored.document.metadata.ministry { row("Ministry", HTML.escape(ministry)) }
        if let eli = PageText.eli(summary, version) { row("ELI", HTML.link(eli, eli)) }
        row("Source", HTML.escape("\(summary.source) (\(summary.format)\(summary.isPartial ? ", partial: §§ only" : ""))"))
        main += "</dl></section>"
        main += try basis(base: base)
        main += "</div>"
        main += """
            <form class="goto filters" action="\(HTML.escape(base))" method="get"><label>Go to a provision\
            <input type="text" name="citation" placeholder="§ 17, stk. 3" maxlength="\(RequestReader.maxQueryLength)" required></label>\
            <button type="submit">Show</button></form>
            """
        main += "<section class=\"toc\" id=\"toc\"><h2>Contents</h2><ul>"
        for node in stored.document.root.children { main += entry(node, base: base) }
        main += "</ul></section>"
        return Page(
            title: "\(version.label) \(PageText.title(version.title))",
            crumbs: [("/", "Home"), (SiteURLs.work(version.work), version.work)],
            heading: PageText.title(version.title ?? summary.title), subtitle: "\(version.label) · in force \(PageText.interval(version))",
            main: main
        ).render()
    }

    /// The legal basis: the preamble's citations with their targets, linked where the corpus has them.
    private func basis(base: String) throws -> String {
        var html = "<section class=\"box\" id=\"basis\"><h2>Legal basis</h2>"
        let citations = try site.store.citations(in: version, under: NodeID.preamble.description)
            .filter { $0.edge == .legalBasis || $0.lead.isEmpty || $0.status == "linked" }
        if citations.isEmpty {
            let note = (try? site.store.basis(of: "\(version.work)/\(version.name)"))?.note
            html += "<p class=\"lede\">\(HTML.escape(note ?? "The preamble names no enabling provision."))</p></section>"
            return html
        }
        html += "<ul class=\"plain\">"
        for c in citations {
            html += "<li>" + HTML.escape(c.lead.isEmpty ? c.text : "\(c.lead) \(c.text)") + " → " + CitationLinks.target(c) + "</li>"
        }
        html += "</ul><p>" + HTML.link(base + "/indledning", "The preamble") + "</p></section>"
        return html
    }

    /// A table-of-contents entry: chapters and annexes with their §§, each § with its first words.
    private func entry(_ node: Node, base: String) -> String {
        let url = base + "/" + SiteURLs.pathSegments(node.id.description)
        switch node.kind {
        case .part, .chapter, .annex:
            var html = "<li>" + HTML.link(url, [node.label ?? node.citationLabel, node.title].compactMap { $0 }.joined(separator: " "))
            let inner = node.children.map { entry($0, base: base) }.joined()
            if !inner.isEmpty { html += "<ul>\(inner)</ul>" }
            return html + "</li>"
        case .section:
            let words = node.isRepealed ? "(Ophævet)" : PageText.excerpt(node.plainText, 80)
            return "<li>" + HTML.link(url, node.citationLabel) + " <span class=\"words\" lang=\"da\">\(HTML.escape(words))</span></li>"
        case .preamble:
            return "<li>" + HTML.link(url, "Preamble")
                + " <span class=\"words\" lang=\"da\">\(HTML.escape(PageText.excerpt(node.plainText, 80)))</span></li>"
        default:
            return ""
        }
    }
}
