import Foundation
import Testing

@testable import ParagrafServer

/// The server on a real socket on 127.0.0.1: status codes, headers, content, links, and what a hostile client
/// may send.
@Suite(.serialized) struct LoopbackTests {
    /// Runs `body` with a server on a free port, then stops it.
    static func withServer(_ body: @Sendable (Int) async throws -> Void) async throws {
        let site = try ServerFixture.site()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = ParagrafServer(site: site, host: "127.0.0.1", port: 0)
        let task = Task { try await server.run { port in continuation.yield(port) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        try await body(port)
        task.cancel()
        _ = await task.result
    }

    @Test func pagesAndAPIOverHTTP() async throws {
        try await Self.withServer { port in
            let home = try await LoopbackClient.get("/", port: port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["x-content-type-options"] == "nosniff")
            #expect(home.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
            #expect(home.body.contains("<a href=\"/works/tandpleje\">"))
            // Every link of the work page leads somewhere.
            let work = try await LoopbackClient.get("/works/tandpleje", port: port)
            #expect(work.status == 200)
            let links = Self.links(in: work.body).filter { $0.hasPrefix("/") }
            #expect(links.count >= 10)
            for link in Set(links) {
                let answer = try await LoopbackClient.get(link.replacingOccurrences(of: "&amp;", with: "&"), port: port)
                #expect(answer.status == 200, "\(link): \(answer.status)")
            }
            let api = try await LoopbackClient.get("/api/works/tandpleje/2003/p17/stk3", port: port)
            #expect(api.status == 200)
            #expect(api.headers["content-type"] == "application/json; charset=utf-8")
            #expect(api.body.contains("\"citation\" : \"§ 17, stk. 3\""))
            let missing = try await LoopbackClient.get("/api/works/nowhere", port: port)
            #expect(missing.status == 404)
            #expect(missing.body.contains("no work \\\"nowhere\\\" in the corpus"))
            let redirect = try await LoopbackClient.get("/works/tandpleje/2003?citation=%C2%A7%2017", port: port)
            #expect(redirect.status == 303)
            #expect(redirect.headers["location"] == "/works/tandpleje/2003/p17")
            let head = try await LoopbackClient.get("/works/tandpleje", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            let post = try await LoopbackClient.get("/api/works", port: port, method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test func hostileRequestsGetAnAnswerOrAClosedConnection() async throws {
        try await Self.withServer { port in
            let raw: [[UInt8]] = [
                Array("GET /works/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                Array("GET /search?q=\(String(repeating: "x", count: 20_000)) HTTP/1.1\r\nConnection: close\r\n\r\n".utf8),
                Array("GARBAGE\r\n\r\n".utf8),
                [0xFF, 0xFE, 0x00, 0x0D, 0x0A, 0x0D, 0x0A],
                Array("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".utf8),
                Array("GET /%ZZ HTTP/1.1\r\nConnection: close\r\n\r\n".utf8),
            ]
            for request in raw {
                do {
                    let answer = try await LoopbackClient.send(request, port: port)
                    #expect((400..<500).contains(answer.status), "\(String(decoding: request.prefix(40), as: UTF8.self)): \(answer.status)")
                } catch is LoopbackClient.Failure {
                    // NIO's HTTP parser may close the connection on bytes that are no HTTP at all.
                }
            }
            // And the server still answers.
            let still = try await LoopbackClient.get("/", port: port)
            #expect(still.status == 200)
        }
    }

    /// The `href`s of a page.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
