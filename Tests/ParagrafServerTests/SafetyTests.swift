import Testing

@testable import ParagrafServer

/// Escaping, path traversal, bounds and the error answers.
@Suite struct SafetyTests {
    @Test func markupInADocumentIsEscaped() throws {
        let work = try ServerFixture.get("/works/\(ServerFixture.hostileWork)")
        #expect(work.status == 200)
        #expect(!work.text.contains("<script>"))
        #expect(work.text.contains("<h1>Bekendtgørelse om &lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt; &amp; prøver</h1>"))
        let provision = try ServerFixture.get("/works/\(ServerFixture.hostileWork)/\(ServerFixture.hostileVersion)/p1")
        #expect(provision.status == 200)
        #expect(!provision.text.contains("<script>"))
        #expect(!provision.text.contains("<b>fed"))
        #expect(
            provision.text.contains("&lt;script&gt;alert(&#39;tekst&#39;)&lt;/script&gt; &amp; &quot;citat&quot; &lt;b&gt;fed&lt;/b&gt;"))
        let other = try ServerFixture.get("/works/\(ServerFixture.hostileWork)/\(ServerFixture.hostileVersion)/p2")
        #expect(other.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!other.text.contains("<img"))
    }

    @Test func markupInAQueryIsEscaped() throws {
        let page = try ServerFixture.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27")
        #expect(page.status == 200)
        #expect(!page.text.contains("<script>"))
        #expect(page.text.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;\""))
        let error = try ServerFixture.get("/works/zz%3Cscript%3Ezz")
        #expect(error.status == 404)
        #expect(!error.text.contains("<script>"))
        #expect(error.text.contains("no work &quot;zz&lt;script&gt;zz&quot; in the corpus"))
    }

    @Test func pathTraversalIsRefused() throws {
        for target in [
            "/works/../etc/passwd", "/works/tandpleje/%2e%2e/%2e%2e/etc/passwd", "/works/tandpleje/..%2F..%2Fetc", "/style.css/..",
            "/works/a%5Cb",
        ] {
            let page = try ServerFixture.get(target)
            #expect(page.status == 400, "\(target)")
            #expect(page.text.contains("path traversal refused"), "\(target)")
        }
    }

    @Test func malformedAddressesAnswer400WithTheCommandLinesMessage() throws {
        let page = try ServerFixture.get("/works/tandpleje/2003/%C2%A7%20abc")
        #expect(page.status == 400)
        let api = try ServerFixture.get("/api/works/tandpleje/2003/%C2%A7%20abc")
        #expect(api.status == 400)
        #expect(api.text.contains("\"status\" : 400"))
        let date = try ServerFixture.get("/works/tandpleje/at/2010-13-45/p1")
        #expect(date.status == 400)
        #expect(date.text.contains("--at expects a date as YYYY-MM-DD, got &quot;2010-13-45&quot;"))
    }

    @Test func unknownThingsAnswer404NamingWhatExists() throws {
        let work = try ServerFixture.get("/works/tandplejen")
        #expect(work.status == 404)
        #expect(
            work.text.contains("works: \(ServerFixture.hostileWork), tandpleje")
                || work.text.contains("works: tandpleje, \(ServerFixture.hostileWork)"))
        let version = try ServerFixture.get("/api/works/tandpleje/1999")
        #expect(version.status == 404)
        let section = try ServerFixture.get("/works/tandpleje/2003/%C2%A7%20999")
        #expect(section.status == 404)
        #expect(section.text.contains("§ 999 findes ikke: dokumentet har §§ 1-33"))
        let page = try ServerFixture.get("/nowhere")
        #expect(page.status == 404)
        #expect(page.text.contains("pages: /, /search?q=…"))
    }

    @Test func writesAreRefused() throws {
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let answer = try ServerFixture.site().respond(method: method, target: "/api/works")
            #expect(answer.status == 405)
            #expect(answer.text.contains("read-only"))
        }
    }

    @Test func lengthsAndResultsAreBounded() throws {
        let long = String(repeating: "a", count: RequestReader.maxQueryLength + 1)
        let query = try ServerFixture.get("/search?q=\(long)")
        #expect(query.status == 400)
        #expect(query.text.contains("the query has 501 bytes; at most 500 are read"))
        let target = try ServerFixture.get("/search?q=" + String(repeating: "b", count: RequestReader.maxTargetLength))
        #expect(target.status == 414)
        let limit = try ServerFixture.get("/api/search?q=tandpleje&all=1&limit=100000")
        #expect(limit.status == 200)
        if case .success(.api(.search(let request))) = RequestReader.read(method: "GET", target: "/api/search?q=x&limit=100000") {
            #expect(request.limit == RequestReader.maxResults)
        } else {
            Issue.record("the search was not read")
        }
        let parameters = (0...RequestReader.maxParameters).map { "a\($0)=1" }.joined(separator: "&")
        #expect(try ServerFixture.get("/search?" + parameters).status == 400)
        let deep = "/" + Array(repeating: "x", count: RequestReader.maxSegments + 1).joined(separator: "/")
        #expect(try ServerFixture.get(deep).status == 404)
    }
}
