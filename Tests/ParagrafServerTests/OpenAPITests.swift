import Foundation
import Testing

@testable import ParagrafServer

/// The checked-in OpenAPI document describes the API that is served: every path in it, with its examples,
/// answers 200 with JSON, and every API route the reader knows is in it.
@Suite struct OpenAPITests {
    /// The document's paths with each parameter replaced by its example.
    static func exampleTargets() throws -> [(path: String, target: String)] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var targets: [(String, String)] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            let get = try #require(item["get"] as? [String: Any], "\(path) has no GET")
            var target = path
            var query: [String] = []
            for parameter in get["parameters"] as? [[String: Any]] ?? [] {
                let name = try #require(parameter["name"] as? String)
                let example = "\(try #require(parameter["example"], "\(path): \(name) has no example"))"
                if parameter["in"] as? String == "path" {
                    target = target.replacingOccurrences(of: "{\(name)}", with: SiteURLs.segment(example))
                } else if parameter["required"] as? Bool == true {
                    query.append("\(name)=\(SiteURLs.component(example))")
                }
            }
            #expect(!target.contains("{"), "\(path): a path parameter without an example")
            targets.append((path, query.isEmpty ? target : target + "?" + query.joined(separator: "&")))
        }
        return targets
    }

    @Test func everyDocumentedRouteAnswers() throws {
        let targets = try Self.exampleTargets()
        #expect(targets.count == 11)
        for (path, target) in targets {
            let answer = try ServerFixture.get(target)
            #expect(answer.status == 200, "\(path) → \(target): \(answer.status) \(answer.text.prefix(300))")
            #expect(answer.contentType == "application/json; charset=utf-8", "\(path)")
            #expect(answer.text.contains("\"schemaVersion\" : 1") || path == "/api/openapi.json", "\(path)")
        }
    }

    @Test func theServedDocumentIsTheCheckedInFile() throws {
        let file = ServerFixture.root.appendingPathComponent("Sources/ParagrafServer/Resources/openapi.json")
        let answer = try ServerFixture.get("/api/openapi.json")
        #expect(answer.body == [UInt8](try Data(contentsOf: file)))
    }
}
