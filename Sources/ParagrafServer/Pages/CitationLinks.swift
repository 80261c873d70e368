import Paragraf
import ParagrafStore

/// Citations as links: a provision's text with each citation linked to its target, and a target's description.
enum CitationLinks {
    /// The URL of a citation's target, when the corpus has it.
    static func url(_ c: NodeCitation) -> String? {
        guard c.status == "resolved" || c.status == "linked", let work = c.work, let version = c.version else { return nil }
        guard let address = c.address else { return SiteURLs.version(work, version) }
        return SiteURLs.provision(work, version, address)
    }

    /// "§ 18, stk. 3 in BEK 1077/2020" linked, or the reason it leads nowhere.
    static func target(_ c: NodeCitation) -> String {
        let name = [c.cited.isEmpty ? nil : c.cited, c.versionLabel.map { "in \($0)" }].compactMap { $0 }.joined(separator: " ")
        if let url = url(c) {
            return HTML.link(url, name.isEmpty ? "the whole instrument" : name) + " <span class=\"status \(c.status)\">\(c.status)</span>"
        }
        let reason = c.reason.map { ": " + $0 } ?? ""
        return "<span class=\"status \(HTML.escape(c.status))\">\(HTML.escape(c.status))</span> "
            + HTML.escape((name.isEmpty ? c.text : name) + reason)
    }

    /// `text` (a leaf's text) escaped, with each of `citations` (those standing in the leaf, in text order) linked
    /// where its words are found; a citation with several targets links its first and adds the others as
    /// numbered links. Citations whose words are not found are returned, so that the page lists them below.
    static func linked(_ text: String, _ citations: [NodeCitation]) -> (html: String, unplaced: [NodeCitation]) {
        // One entry per citation (its rows are one per target, in order).
        var groups: [[NodeCitation]] = []
        for c in citations {
            if let last = groups.last?.last, last.text == c.text, last.path == c.path, !groups[groups.count - 1].contains(c) {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        var html = ""
        var rest = text[...]
        var unplaced: [NodeCitation] = []
        for group in groups {
            guard let first = group.first, !first.text.isEmpty, let range = rest.range(of: first.text) else {
                unplaced += group
                continue
            }
            html += HTML.escape(String(rest[..<range.lowerBound]))
            let words = HTML.escape(String(rest[range]))
            if let url = url(first) {
                let title = HTML.escape(
                    first.cited.isEmpty ? (first.versionLabel ?? "") : first.cited + (first.versionLabel.map { " in \($0)" } ?? ""))
                html += "<a class=\"cite\" href=\"\(HTML.escape(url))\" title=\"\(title)\">\(words)</a>"
            } else {
                let title = HTML.escape(first.reason ?? first.status)
                html += "<span class=\"cite \(HTML.escape(first.status))\" title=\"\(title)\">\(words)</span>"
            }
            for (n, other) in group.dropFirst().enumerated() {
                if let url = url(other) { html += "<sup><a class=\"cite\" href=\"\(HTML.escape(url))\">[\(n + 2)]</a></sup>" }
            }
            rest = rest[range.upperBound...]
        }
        html += HTML.escape(String(rest))
        return (html, unplaced)
    }
}
