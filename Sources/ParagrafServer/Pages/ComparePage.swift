import ParagrafDiff
import ParagrafStore

/// `/works/{work}/compare/{old}/{new}`: the change report of `paragraf diff --format html`, inside the site's
/// frame (navigation, links back to the work and both versions).
enum ComparePage {
    static func render(diff: DocumentDiff, old: StoredVersion, new: StoredVersion) -> String {
        var out = Page.head(title: "Changes \(old.label) → \(new.label)", query: "")
        out +=
            "<p class=\"crumbs report-crumbs\">"
            + [
                HTML.link("/", "Home"), HTML.link(SiteURLs.work(new.work), new.work),
                HTML.link(SiteURLs.version(old.work, old.name), old.label) + " → "
                    + HTML.link(SiteURLs.version(new.work, new.name), new.label),
                HTML.link("/api" + SiteURLs.compare(new.work, old.name, new.name), "JSON"),
            ].joined(separator: " › ") + "</p>"
        HTMLReportFormatter().writeBodyLines(diff) { line in out += line + "\n" }
        out += "</body></html>"
        return out
    }
}
