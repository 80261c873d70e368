import ParagrafDiff

/// HTML text: every string from a document, a query or a URL goes through ``escape(_:)`` (the diff report's
/// escaper: `&`, `<`, `>`, `"` and `'`).
enum HTML {
    /// `text` escaped for an element or a quoted attribute.
    static func escape(_ text: String) -> String { HTMLReportFormatter.escape(text) }

    /// `<a href="url">text</a>`, both escaped.
    static func link(_ url: String, _ text: String, class name: String? = nil) -> String {
        "<a href=\"\(escape(url))\"\(name.map { " class=\"\(escape($0))\"" } ?? "")>\(escape(text))</a>"
    }
}
