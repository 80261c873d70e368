import ParagrafTestSupport
import Testing

@testable import ParagrafServer

/// The request reader never crashes or stalls on what the network may send, and answers with a status that says
/// what is wrong. (`tools/fuzz.sh request N` runs the same reader under libFuzzer.)
@Suite struct RequestReaderHostileTests {
    static let statuses: Set<Int> = [400, 404, 405, 414]

    @Test(arguments: [
        "", "*", "works", "//", "/%", "/%zz", "/%C3", "/%C3%28", "/%00", "/a%0Ab", "/?%", "/?q=%E2%82", "/?=&=&&",
        "/search?q=\u{0}", "/works/%2F", "/works/%5C", "/works/./x", "/#frag", "/works/tandpleje/at//p1",
        "/works/tandpleje/at/2010-02-30/p1", "/works/tandpleje/compare/a", "/api/cited-by", "/api/search",
        "/api/search?q=x&at=2010-01-01&all=1", "/api/search?q=x&limit=-1", "/api/search?q=x&limit=abc",
        "/api/search?q=x&q=y", "/api/search?q=x&type=%3Cb%3E", "/api/works/tandpleje/2003/p1?x=%FF",
        "/works/t/2003/§§§", "/works/t/2003/p", "/works/t/2003/" + String(repeating: "p1/", count: 15),
        "/search?all=maybe",
    ])
    func malformedTargetsAreProblems(_ target: String) {
        switch RequestReader.read(method: "GET", target: target) {
        case .failure(let problem):
            #expect(Self.statuses.contains(problem.status), "\(target): \(problem)")
            #expect(!problem.message.isEmpty)
        case .success(let route):
            // A few are read: "/#frag", "//" and "/?=&=&&" are the home page, an unknown section is for the store to
            // refuse.
            #expect(
                ["/#frag", "//", "/?=&=&&", "/works/t/2003/p"].contains(target) || target.hasPrefix("/works/t/2003/§"),
                "\(target) → \(route)")
        }
    }

    @Test func specificMessages() {
        func message(_ target: String, _ method: String = "GET") -> String {
            if case .failure(let problem) = RequestReader.read(method: method, target: target) { return problem.message }
            return "read"
        }
        #expect(message("/a%zz") == "a malformed percent-escape in \"a%zz\"")
        #expect(message("/%C3%28") == "the request is not UTF-8 once its percent-escapes are decoded")
        #expect(message("/a%0Ab") == "the path holds a control character")
        #expect(message("/api/search?q=x&q=y") == "parameter \"q\" is given 2 times; give it once")
        #expect(message("/api/search?q=x&limit=0") == "--limit must be at least 1, got \"0\"")
        #expect(message("/", "POST") == "paragraf serve is read-only: it answers GET and HEAD, not POST")
        #expect(message("works") == "the request target must start with \"/\"")
    }

    @Test func randomTargetsNeverCrash() {
        var random = SplitMix64(seed: 18)
        let alphabet = Array("/?&=%#+.;,§æøå~ \\\u{0}\u{7F}aZ09-_".unicodeScalars).map(String.init)
        let pieces = [
            "/works/", "tandpleje", "/2003", "/at/", "2010-01-01", "/compare/", "/api", "/search?q=", "%", "%C3%A6", "%2F", "..",
            "p17/stk3", "&limit=", "&type=",
        ]
        for _ in 0..<3_000 {
            var target = ""
            for _ in 0..<Int(random.next() % 12) {
                target +=
                    random.next() % 2 == 0
                    ? pieces[Int(random.next() % UInt64(pieces.count))]
                    : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            switch RequestReader.read(method: "GET", target: target) {
            case .failure(let problem): #expect(Self.statuses.contains(problem.status), "\(target)")
            case .success: break
            }
        }
    }

    @Test func randomTargetsThroughTheSiteAnswer() throws {
        let site = try ServerFixture.site()
        var random = SplitMix64(seed: 7)
        let pieces = [
            "/works/tandpleje", "/2003", "/2020", "/at/2010-01-01", "/compare/2003/2020", "/p17", "/stk3", "/api", "/%C2%A7%2017", "/x",
            "?citation=%C2%A7%201", "/history", "/basis",
        ]
        for _ in 0..<200 {
            var target = ""
            for _ in 0..<(1 + Int(random.next() % 5)) { target += pieces[Int(random.next() % UInt64(pieces.count))] }
            let answer = site.respond(method: "GET", target: target)
            #expect([200, 303, 400, 404].contains(answer.status), "\(target): \(answer.status) \(answer.text.prefix(200))")
        }
    }
}
