import ParagrafDiff

/// One page of the site: the shell every page shares (navigation with a search box, a header, the content, a
/// footer), English throughout; the documents' texts are marked `lang="da"`.
struct Page {
    /// The `<title>`.
    var title: String
    /// Breadcrumb links above the heading, as (URL, text).
    var crumbs: [(String, String)] = []
    /// The heading.
    var heading: String
    /// A line under the heading (escaped text).
    var subtitle: String?
    /// The content of `<main>` (HTML).
    var main: String
    /// The search box's value.
    var query = ""

    /// The whole document.
    func render() -> String {
        var out = Page.head(title: title, query: query)
        out += "<header>"
        if !crumbs.isEmpty {
            out += "<p class=\"crumbs\">" + crumbs.map { HTML.link($0.0, $0.1) }.joined(separator: " › ") + "</p>"
        }
        out += "<h1>\(HTML.escape(heading))</h1>"
        if let subtitle { out += "<p class=\"versions\">\(HTML.escape(subtitle))</p>" }
        out += "</header><main>\(main)</main>"
        out += Page.footer
        return out
    }

    /// The document's head and the navigation bar, up to (not including) the page's header.
    static func head(title: String, query: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\
        <meta name="viewport" content="width=device-width, initial-scale=1">\
        <title>\(HTML.escape(title)) · Paragraf</title><link rel="stylesheet" href="/style.css"></head><body>\
        <nav class="site"><a class="brand" href="/">Paragraf</a>\
        <form class="search" action="/search" method="get" role="search">\
        <input type="search" name="q" value="\(HTML.escape(query))" maxlength="\(RequestReader.maxQueryLength)" \
        aria-label="Search the provisions" placeholder="Search the provisions, e.g. tandregulering">\
        <button type="submit">Search</button></form></nav>
        """
    }

    /// The footer and the end of the document.
    static let footer = """
        <footer>Paragraf · read-only · the same data as JSON under <a href="/api/openapi.json">/api</a></footer></body></html>
        """
}
