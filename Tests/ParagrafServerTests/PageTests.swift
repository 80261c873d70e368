import Testing

@testable import ParagrafServer

/// Every page type answers on the bundled corpus with its key content and links.
@Suite struct PageTests {
    @Test func homeListsWorksAndRecentVersions() throws {
        let page = try ServerFixture.get("/")
        #expect(page.status == 200)
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.text.contains("<form class=\"search big\" action=\"/search\""))
        #expect(page.text.contains("<a href=\"/works/tandpleje\">Bekendtgørelse om tandpleje</a>"))
        #expect(page.text.contains("(tandpleje; 12 versions, 9 with text)"))
        #expect(page.text.contains("id=\"recent\""))
        let filtered = try ServerFixture.get("/?titles=tandpleje")
        #expect(filtered.text.contains("1 work with “tandpleje” in the title"))
        #expect(!filtered.text.contains("<li><a href=\"/works/\(ServerFixture.hostileWork)\">"))
    }

    @Test func workShowsTheTimelineWithChangeReports() throws {
        let page = try ServerFixture.get("/works/tandpleje")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Bekendtgørelse om tandpleje</h1>"))
        #expect(page.text.contains("<a href=\"/works/tandpleje/2003\">BEK 1073/2003</a>"))
        #expect(page.text.contains("2004-01-01 – "))
        #expect(page.text.contains("<span class=\"status missing\">no text</span>"))
        #expect(page.text.contains("id=\"amendments\""))
        #expect(page.text.contains("/works/tandpleje/compare/"))
    }

    @Test func versionShowsContentsBasisAndGoTo() throws {
        let page = try ServerFixture.get("/works/tandpleje/2003")
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"toc\""))
        #expect(page.text.contains("<a href=\"/works/tandpleje/2003/p17\">§ 17</a>"))
        #expect(page.text.contains("id=\"basis\""))
        #expect(page.text.contains("https://www.retsinformation.dk/eli/lta/2003/1073"))
        #expect(page.text.contains("name=\"citation\""))
    }

    @Test func provisionLinksItsCitationsAndListsCitingProvisions() throws {
        let page = try ServerFixture.get("/works/tandpleje/2003/p17/stk3")
        #expect(page.status == 200)
        #expect(
            page.text.contains(
                "Amtsrådet skal til børn og unge, der er omfattet af <a class=\"cite\" href=\"/works/tandpleje/2003/p17/stk1\""))
        #expect(page.text.contains("<h2>Cited by (4)</h2>"))
        #expect(page.text.contains("<a href=\"/works/tandpleje/2003/p1/stk2/pkt1\">BEK 1073/2003 § 1, stk. 2, 1. pkt.</a>"))
        #expect(page.text.contains("id=\"history\""))
        #expect(page.text.contains("/api/works/tandpleje/2003/p17/stk3"))
    }

    @Test func provisionByCitationAndAtADate() throws {
        // The address as a citation reads the same provision.
        let cited = try ServerFixture.get("/works/tandpleje/2003/%C2%A7%2017,%20stk.%203")
        #expect(cited.status == 200)
        #expect(cited.text.contains("<title>§ 17, stk. 3, BEK 1073/2003 · Paragraf</title>"))
        // 2005-01-01: BEK 1073/2003 applied.
        let dated = try ServerFixture.get("/works/tandpleje/at/2005-01-01/p17/stk3")
        #expect(dated.status == 200)
        #expect(dated.text.contains("On 2005-01-01 BEK 1073/2003 applied"))
        // The go-to box redirects to the stable address.
        let found = try ServerFixture.get("/works/tandpleje/2003?citation=%C2%A7+17%2C+stk.+3")
        #expect(found.status == 303)
        #expect(found.location == "/works/tandpleje/2003/p17/stk3")
    }

    @Test func compareIsTheChangeReportInTheSiteFrame() throws {
        let page = try ServerFixture.get("/works/tandpleje/compare/2003/2020")
        #expect(page.status == 200)
        #expect(page.text.hasPrefix("<!DOCTYPE html>"))
        #expect(page.text.contains("<nav class=\"site\">"))
        #expect(
            page.text.contains("<a href=\"/works/tandpleje/2003\">BEK 1073/2003</a> → <a href=\"/works/tandpleje/2020\">BEK 1077/2020</a>"))
        #expect(page.text.components(separatedBy: "<body>").count == 2)
        #expect(page.text.hasSuffix("</body></html>"))
    }

    @Test func searchRanksHitsWithContextAndFilters() throws {
        let page = try ServerFixture.get("/search?q=tandregulering&all=1")
        #expect(page.status == 200)
        #expect(page.text.contains("<ol class=\"plain\" id=\"hits\">"))
        #expect(page.text.contains("<mark>"))
        #expect(page.text.contains("in all versions"))
        #expect(page.text.contains("name=\"at\""))
        #expect(page.text.contains("<a href=\"/api/search?q=tandregulering&amp;all=1\">JSON</a>"))
        let empty = try ServerFixture.get("/search")
        #expect(empty.status == 200)
        #expect(empty.text.contains("Words must all occur in a provision"))
    }

    @Test func apiAnswersWithTheCommandLinesSchemas() throws {
        let shown = try ServerFixture.get("/api/works/tandpleje/2003/p17/stk3")
        #expect(shown.status == 200)
        #expect(shown.contentType == "application/json; charset=utf-8")
        #expect(shown.text.hasPrefix("{\n  \"citation\" : \"§ 17, stk. 3\""))
        #expect(shown.text.contains("\"schemaVersion\" : 1"))
        #expect(shown.text.hasSuffix("}\n"))
        let works = try ServerFixture.get("/api/works?q=tandpleje")
        #expect(works.text.contains("\"query\" : \"tandpleje\""))
        #expect(works.text.contains("\"id\" : \"tandpleje\""))
    }

    @Test func headAnswersWithoutABody() throws {
        let page = try ServerFixture.site().respond(method: "HEAD", target: "/works/tandpleje")
        #expect(page.status == 200)
        #expect(page.body.isEmpty)
    }
}
