import Paragraf

/// Reads a regulation published as HTML: the text blocks in reading order, without page furniture,
/// handed to the text parser.
///
/// The page is parsed with libxml2's HTML parser (see ``SafeXMLParser``). Every block element (`p`,
/// `div`, `li`, headings, table rows, `br`) ends a line; inline elements such as Retsinformation's
/// `<span class="ParagrafNr">§ 1.</span>` stay on the line. Retsinformation's classes (`Paragraf`,
/// `Stk2`, `Liste1`, `Kapitel`, `Givet`, …) are blocks, so the text reads as the official text does.
/// Menus, cookie banners, headers, footers, scripts, forms and "til toppen" links are skipped: elements
/// named `nav`, `header`, `footer`, `aside`, `script`, `style`, `form`, … and elements whose `id`,
/// `class` or `role` names navigation, cookies, consent, banners, menus or breadcrumbs. When the page has
/// a `main` or `article` element, only that is read.
///
/// The resulting ``ParsedDocument``'s ranges index the extracted text (its `source`), not the HTML bytes;
/// HTML parse problems are reported as `X001`/`X002` at the start with the HTML line:col in the message.
public enum HTMLImporter {
    /// Parses HTML bytes into a document.
    public static func read(_ bytes: [UInt8], sourceName: String = "-") -> ParsedDocument {
        let htmlSource = SourceText(bytes: bytes)
        let parsed = SafeXMLParser.parseHTML(bytes, source: htmlSource)
        let text = parsed.root.map(extractText) ?? ""
        var result = RegulationParser.parse(Array(text.utf8), sourceName: sourceName)
        var extra: [Diagnostic] = []
        let origin = result.source.range(0, 0)
        // libxml2's HTML parser recovers from almost anything; its errors are notes here, at most ten,
        // with the HTML line:col in the message (ranges index the extracted text, not the HTML).
        for d in parsed.diagnostics.filter({ $0.severity >= .error }).prefix(10) {
            let location = htmlSource.locations.location(of: d.range.start)
            extra.raise(XMLDiagnostic.htmlProblem(code: d.code, location: location, message: d.message), at: origin)
        }
        if Bytes.normalized(text).isEmpty {
            extra.raise(XMLDiagnostic.emptyHTML, at: origin)
        }
        result.document.diagnostics = extra + result.document.diagnostics
        return result
    }

    /// The page's text blocks in reading order, one per line, furniture left out.
    public static func extractText(_ root: XMLElement) -> String {
        var content = root
        if let main = findFirst(root, where: { $0.name == "main" || $0.name == "article" || $0.attribute("role") == "main" }) {
            content = main
        }
        var lines: [String] = []
        var current = ""
        walk(content, lines: &lines, current: &current)
        flush(&lines, &current)
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "option",
        "svg", "iframe", "template", "head", "title", "meta", "link", "input", "textarea", "label", "dialog", "menu",
    ]
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "blockquote", "pre", "dd", "dt", "dl", "br", "hr", "main", "body", "center", "address", "figure", "figcaption",
        "td", "th",
    ]
    static let furnitureWords = [
        "cookie", "consent", "banner", "navbar", "navigation", "menu", "breadcrumb", "skip-link", "skiplink", "share",
        "social", "gdpr", "site-header", "site-footer", "topbar", "toolbar", "sidebar",
    ]

    static func isFurniture(_ e: XMLElement) -> Bool {
        if skipped.contains(e.name) { return true }
        if let hidden = e.attribute("hidden"), hidden != "false" { return true }
        if e.attribute("aria-hidden") == "true" { return true }
        if let role = e.attribute("role")?.lowercased(),
            ["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu"].contains(role)
        {
            return true
        }
        let marks = ((e.attribute("id") ?? "") + " " + (e.attribute("class") ?? "")).lowercased()
        if !marks.trimmingCharacters(in: .whitespaces).isEmpty, furnitureWords.contains(where: { marks.contains($0) }) {
            return true
        }
        // "Til toppen" / "Back to top" links.
        if e.name == "a" {
            let t = Bytes.normalized(e.textContent).lowercased()
            if t == "til toppen" || t == "back to top" || t == "til top" { return true }
        }
        return false
    }

    static func walk(_ e: XMLElement, lines: inout [String], current: inout String) {
        for child in e.children {
            switch child {
            case .text(let t, _):
                current += t
            case .element(let c):
                if isFurniture(c) { continue }
                let block = blocks.contains(c.name) || isRetsinformationBlock(c)
                if block { flush(&lines, &current) }
                if c.name == "td" || c.name == "th" { current += " " }
                walk(c, lines: &lines, current: &current)
                if block { flush(&lines, &current) }
            }
        }
    }

    /// Retsinformation marks paragraphs by class; a `span`/`div` with one of these is a line of its own.
    static func isRetsinformationBlock(_ e: XMLElement) -> Bool {
        guard let cls = e.attribute("class") else { return false }
        let names = cls.split(separator: " ")
        return names.contains { n in
            n == "Paragraf" || n.hasPrefix("Stk") || n.hasPrefix("Liste") || n == "Givet" || n == "Kapitel"
                || n == "KapitelOverskrift" || n == "Titel" || n == "Titel2" || n == "Indledning2" || n == "Bilag"
                || n == "Underskrift"
        }
    }

    static func flush(_ lines: inout [String], _ current: inout String) {
        let line = Bytes.normalized(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    static func findFirst(_ e: XMLElement, where predicate: (XMLElement) -> Bool) -> XMLElement? {
        if predicate(e) { return e }
        for child in e.elements {
            if isFurniture(child) { continue }
            if let found = findFirst(child, where: predicate) { return found }
        }
        return nil
    }
}
