import Paragraf

extension HTMLReportFormatter {
    /// The report's style sheet, for a page that shows the report inside its own frame (`paragraf serve`).
    public static var styleSheet: String { css }

    /// The report without its document shell: its `<header>`, `<main>` and `<footer>`, one line at a time, for a
    /// page that has its own head and style sheet (which must include ``styleSheet``).
    public func writeBodyLines<Failure: Error>(_ diff: DocumentDiff, to h: (String) throws(Failure) -> Void) throws(Failure) {
        var inBody = false
        try writeLines(diff) { (line: String) throws(Failure) -> Void in
            if !inBody {
                if let start = line.range(of: "<body>") {
                    inBody = true
                    let rest = String(line[start.upperBound...])
                    if !rest.isEmpty { try h(rest) }
                }
                return
            }
            try h(line.hasSuffix("</body></html>") ? String(line.dropLast("</body></html>".count)) : line)
        }
    }
}
