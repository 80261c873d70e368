import Paragraf
import ParagrafStore

/// `/search?q=…`: ranked provisions with the hit in context, and filters for date, type and work.
struct SearchPage {
    let site: ParagrafSite
    let request: SearchRequest

    /// The document types offered in the filter.
    static let types = ["BEK", "LBK", "LOV", "CIR", "VEJ"]

    func render() throws -> String {
        var main = filters()
        if request.query.trimmingCharacters(in: .whitespaces).isEmpty {
            main +=
                "<p class=\"lede\">Words must all occur in a provision; \"a phrase\" in quotes as written; word* for every word that starts so; OR between two terms; -word excludes. By default only the versions in force today are searched.</p>"
        } else {
            let results = try site.store.search(request.query, options: request.searchOptions)
            let scope = results.date.map { "in force on \($0)" } ?? "in all versions"
            main +=
                "<p class=\"lede\">\(results.hits.count) provision\(results.hits.count == 1 ? "" : "s") \(scope)\(results.more ? " (more: raise the limit)" : "") · "
                + HTML.link("/api" + SiteURLs.search(request), "JSON") + "</p>"
            main += "<ol class=\"plain\" id=\"hits\">"
            for hit in results.hits { main += item(hit) }
            main += "</ol>"
        }
        return Page(
            title: request.query.isEmpty ? "Search" : "Search: \(request.query)", crumbs: [("/", "Home")],
            heading: request.query.isEmpty ? "Search" : "Search: \(request.query)", subtitle: nil, main: main,
            query: request.query
        ).render()
    }

    private func item(_ hit: SearchHit) -> String {
        var html = "<li class=\"hit\"><h3>\(hit.rank). "
        let label = "\(hit.address) — \(hit.document.label)"
        if let work = hit.work, let version = hit.version {
            html += HTML.link(SiteURLs.provision(work, version, hit.path), label)
        } else {
            html += HTML.escape(label)
        }
        html += "</h3><p>\(HTML.escape(PageText.title(hit.document.title)))</p>"
        html += "<p lang=\"da\">\(Self.marked(hit.context, hit.marks))</p>"
        let validity = hit.validFrom.map { "in force \($0) – \(hit.validTo?.description ?? "")" } ?? "in force ?"
        html +=
            "<p class=\"lede\">\(HTML.escape([hit.work, hit.document.type, validity].compactMap { $0 }.joined(separator: " · ")))</p></li>"
        return html
    }

    /// `text` escaped, with the byte ranges `marks` in `<mark>`.
    static func marked(_ text: String, _ marks: [[Int]]) -> String {
        let bytes = Array(text.utf8)
        var html = ""
        var at = 0
        func piece(_ range: Range<Int>) -> String { HTML.escape(String(decoding: bytes[range], as: UTF8.self)) }
        for mark in marks where mark.count == 2 && mark[0] >= at && mark[1] <= bytes.count && mark[0] < mark[1] {
            html += piece(at..<mark[0]) + "<mark>" + piece(mark[0]..<mark[1]) + "</mark>"
            at = mark[1]
        }
        return html + piece(at..<bytes.count)
    }

    private func filters() -> String {
        var html = "<form class=\"filters\" action=\"/search\" method=\"get\">"
        html +=
            "<label>Words<input type=\"search\" name=\"q\" value=\"\(HTML.escape(request.query))\" maxlength=\"\(RequestReader.maxQueryLength)\"></label>"
        html += "<label>In force on<input type=\"date\" name=\"at\" value=\"\(HTML.escape(request.date?.description ?? ""))\"></label>"
        html += "<label>Type<select name=\"type\"><option value=\"\">any</option>"
        for type in Self.types {
            html += "<option\(request.types.contains(type) ? " selected" : "")>\(type)</option>"
        }
        html += "</select></label>"
        html +=
            "<label>Work<input type=\"text\" name=\"work\" value=\"\(HTML.escape(request.work ?? ""))\" placeholder=\"tandpleje\"></label>"
        html += "<label>All versions<input type=\"checkbox\" name=\"all\" value=\"1\"\(request.allVersions ? " checked" : "")></label>"
        html +=
            "<label>At most<input type=\"number\" name=\"limit\" min=\"1\" max=\"\(RequestReader.maxResults)\" value=\"\(request.limit)\"></label>"
        return html + "<button type=\"submit\">Search</button></form>"
    }
}
