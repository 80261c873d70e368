import Foundation
import Paragraf
import ParagrafStore
import ParagrafTestSupport

@testable import ParagrafServer

/// One database for the server tests: the bundled corpus (Bekendtgørelse om tandpleje, 12 versions, 9 with
/// text) and a hostile document with markup in its title and text (`fixtures/serve/hostile.jsonl`), imported
/// once per test run and read-only afterwards.
enum ServerFixture {
    static let root = ParagrafCLI.packageRoot
    /// The hostile document's work id and version segment.
    static let hostileWork = "script-alert-titel-script-proever"
    static let hostileVersion = "9999-2024"

    static let shared: Result<ParagrafSite, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("serve.sqlite").path
        let writer = try ParagrafStore.open(at: path, mode: .readWrite)
        _ = try writer.importer().run([
            .path(root.appendingPathComponent("fixtures/serve/hostile.jsonl").path),
            .path(root.appendingPathComponent("corpus").path),
        ])
        try writer.close()
        return ParagrafSite(store: try ParagrafStore.open(at: path, mode: .readOnly), today: LegalDateFixture.today)
    }

    static func site() throws -> ParagrafSite { try shared.get() }

    /// GET `target` from the site.
    static func get(_ target: String) throws -> SiteResponse { try site().respond(method: "GET", target: target) }
}

/// A fixed "today" so that the search's default (versions in force today) does not move under the tests.
enum LegalDateFixture {
    static let today = LegalDate("2024-06-01")!
}
