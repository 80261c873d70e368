import Paragraf
import ParagrafStore

/// `/works/{work}`: the versions on a timeline with their in-force intervals, which have text, what repealed
/// them, the change report between consecutive versions with text, and the amending instruments.
struct WorkPage {
    let site: ParagrafSite
    let work: StoredWork

    func render() throws -> String {
        let all = try site.store.versions(of: work)
        let versions = all.filter { $0.role == .version }
        let amendments = all.filter { $0.role != .version }
        var main =
            "<p class=\"lede\">\(HTML.escape(work.kind)); \(work.versions) version\(work.versions == 1 ? "" : "s"), "
            + "\(work.versionsWithText) with text in the corpus; \(work.amendments) amending instrument\(work.amendments == 1 ? "" : "s"). "
            + "JSON: " + HTML.link("/api" + SiteURLs.work(work.id), "/api" + SiteURLs.work(work.id)) + "</p>"
        main += "<section id=\"timeline\"><h2>Versions</h2><ol class=\"timeline\">"
        var previousWithText: StoredVersion?
        for version in versions {
            main += "<li class=\"\(version.hasText ? "text" : "notext")\">"
            main += "<span class=\"interval\">\(HTML.escape(PageText.interval(version)))</span> · "
            main +=
                version.hasText
                ? HTML.link(SiteURLs.version(work.id, version.name), version.label) : HTML.escape(version.label)
            main += " <span class=\"status \(version.hasText ? "linked" : "missing")\">\(version.hasText ? "text" : "no text")</span>"
            main += "<br>\(HTML.escape(PageText.title(version.title)))"
            var notes: [String] = ["signed \(version.signed?.description ?? "?")"]
            if let by = version.repealedBy { notes.append("repealed by \(by)") }
            if !version.evidence.isEmpty { notes.append(version.evidence) }
            main += "<br><span class=\"lede\">\(HTML.escape(notes.joined(separator: "; ")))</span>"
            if version.hasText, let previous = previousWithText {
                main +=
                    "<br>"
                    + HTML.link(
                        SiteURLs.compare(work.id, previous.name, version.name), "Changes since \(previous.label)")
            }
            if version.hasText { previousWithText = version }
            main += "</li>"
        }
        main += "</ol></section>"
        if !amendments.isEmpty {
            main += "<section id=\"amendments\"><h2>Amending instruments</h2><ol class=\"timeline\">"
            for a in amendments {
                main +=
                    "<li class=\"amendment \(a.hasText ? "text" : "notext")\"><span class=\"interval\">signed \(a.signed?.description ?? "?")</span> · "
                main += a.hasText ? HTML.link(SiteURLs.version(work.id, a.name), a.label) : HTML.escape(a.label)
                main += " (\(HTML.escape(a.role.rawValue))) \(HTML.escape(PageText.title(a.title)))</li>"
            }
            main += "</ol></section>"
        }
        return Page(
            title: work.title, crumbs: [("/", "Home")], heading: work.title,
            subtitle: "Work \(work.id)" + (work.latest.map { " · latest \($0)" } ?? ""), main: main
        ).render()
    }
}
