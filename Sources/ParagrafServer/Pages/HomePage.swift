import Paragraf
import ParagrafStore

/// `/`: a search box, the works (filtered by title words), the versions signed most recently.
struct HomePage {
    let site: ParagrafSite
    let titles: String?

    /// The most works listed.
    static let maxWorks = 200

    func render() throws -> String {
        let store = site.store
        let works = try store.works(matching: titles)
        let recent = try store.recentVersions(limit: 10)
        let counts = try store.counts()
        var main = """
            <section><form class="search big" action="/search" method="get" role="search">\
            <input type="search" name="q" maxlength="\(RequestReader.maxQueryLength)" aria-label="Search the provisions" \
            placeholder="Search the provisions: tandregulering, &quot;vederlagsfri tandpleje&quot;, tandpleje*">\
            <button type="submit">Search</button></form>\
            <p class="lede">\(counts.documents) documents, \(works.count) work\(works.count == 1 ? "" : "s")\(titles == nil ? "" : " with “\(HTML.escape(titles!))” in the title") \
            in this corpus. Every page has a stable address; the same data is served as JSON under \
            <a href="/api/openapi.json">/api</a>.</p></section>
            """
        main += "<div class=\"grid\"><section class=\"box\" id=\"works\"><h2>Works</h2>"
        main += """
            <form class="filters" action="/" method="get"><label>Title words<input type="text" name="titles" \
            value="\(HTML.escape(titles ?? ""))" maxlength="\(RequestReader.maxQueryLength)"></label>\
            <button type="submit">Filter</button></form><ul class="plain">
            """
        for work in works.prefix(Self.maxWorks) {
            main += "<li>" + HTML.link(SiteURLs.work(work.id), work.title)
            main +=
                " <span class=\"lede\">(\(HTML.escape(work.id)); \(work.versions) version\(work.versions == 1 ? "" : "s"), \(work.versionsWithText) with text)</span></li>"
        }
        main += "</ul>"
        if works.count > Self.maxWorks {
            main += "<p class=\"lede\">\(works.count - Self.maxWorks) more: filter by title words.</p>"
        }
        main += "</section><section class=\"box\" id=\"recent\"><h2>Recent versions</h2><ul class=\"plain\">"
        for version in recent {
            let url = SiteURLs.version(version.work, version.name)
            main += "<li>" + HTML.link(url, version.label) + " " + HTML.escape(PageText.title(version.title))
            main += " <span class=\"lede\">signed \(version.signed?.description ?? "?")</span></li>"
        }
        main += "</ul></section></div>"
        return Page(
            title: "Danish law", heading: "Paragraf", subtitle: "Danish law, version by version, with its citations resolved", main: main
        ).render()
    }
}
