import Foundation
import Testing

@testable import ParagrafServer

/// The pages in a real browser: Debian's headless `chromium` loads each page type from the server on loopback,
/// and the DOM it built is checked for the key elements (and for no element from a document's text). Skipped,
/// with the reason, where chromium is not installed (`.ci/run` installs it).
@Suite(.serialized, .enabled(if: Chromium.path != nil, "chromium is not installed (apt-get install chromium)"))
struct BrowserTests {
    static var chromium: String? { Chromium.path }

    /// The DOM chromium builds for `url`, serialized (waited for off the concurrency pool, which the server
    /// under test answers on).
    static func dom(_ url: String) async throws -> String {
        try await LoopbackClient.offPool { try domBlocking(url) }
    }

    static func domBlocking(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium ?? "/usr/bin/chromium")
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--window-size=1400,1000", "--dump-dom", url,
        ]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-dom-\(UUID().uuidString).html")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs (a busy machine, a stuck GPU process) must not hang the test run.
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw LoopbackClient.Failure(description: "chromium did not finish loading \(url) within 180 s")
        }
        try handle.close()
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func keyElementsOfEveryPageType() async throws {
        try await LoopbackTests.withServer { port in
            let base = "http://127.0.0.1:\(port)"
            let home = try await Self.dom(base + "/")
            #expect(home.contains("<form class=\"search big\" action=\"/search\" method=\"get\" role=\"search\">"))
            #expect(home.contains("<section class=\"box\" id=\"works\">"))
            #expect(Self.count("<li>", in: home) >= 10)

            let work = try await Self.dom(base + "/works/tandpleje")
            #expect(Self.count("<li class=\"text\">", in: work) == 9)
            #expect(Self.count("<li class=\"notext\">", in: work) == 3)

            let version = try await Self.dom(base + "/works/tandpleje/2003")
            #expect(version.contains("<section class=\"toc\" id=\"toc\">"))
            #expect(version.contains("<section class=\"box\" id=\"basis\">"))

            let provision = try await Self.dom(base + "/works/tandpleje/2003/p17")
            #expect(provision.contains("<article class=\"law\" lang=\"da\" id=\"text\">"))
            #expect(Self.count("<a class=\"cite\"", in: provision) == 5)
            #expect(provision.contains("<section id=\"cited-by\">"))
            #expect(provision.contains("<section id=\"history\" class=\"history\">"))

            let dated = try await Self.dom(base + "/works/tandpleje/at/2021-01-01/p3")
            #expect(dated.contains("<p class=\"notice\">On 2021-01-01 BEK 1077/2020 applied"))

            let compare = try await Self.dom(base + "/works/tandpleje/compare/2003/2020")
            #expect(compare.contains("<nav class=\"site\">"))
            #expect(compare.contains("In short"))

            let search = try await Self.dom(base + "/search?q=tandregulering&all=1&limit=5")
            #expect(Self.count("<li class=\"hit\">", in: search) == 5)
            #expect(Self.count("<mark>", in: search) >= 5)
        }
    }

    @Test func noElementFromADocumentsText() async throws {
        try await LoopbackTests.withServer { port in
            let page = try await Self.dom("http://127.0.0.1:\(port)/works/\(ServerFixture.hostileWork)/\(ServerFixture.hostileVersion)/p2")
            #expect(page.contains("<article class=\"law\""))
            #expect(!page.contains("<script"))
            #expect(!page.contains("<img"))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
            let search = try await Self.dom("http://127.0.0.1:\(port)/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(!search.contains("<script"))
        }
    }
}

/// Debian's chromium, when installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
