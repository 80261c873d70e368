import Foundation
import ParagrafTestSupport
import Testing

@testable import ParagrafStore

/// The fixtures of the store tests, and one database built from them, shared by every test that only reads.
enum StoreFixture {
    static let root = ParagrafCLI.packageRoot

    /// Real documents of the dataset (documents-dev.jsonl, unchanged lines): the tandpleje chain 2012-2025 with
    /// two amending orders, sundhedsloven (LBK 903/2019), lov om social service (LBK 1287/2020) and
    /// bekendtgørelser citing them.
    static let extract = root.appendingPathComponent("fixtures/store/dev-extract.jsonl").path
    /// Lov om hold af dyr: LBK 9/2022, the amending LOV 1547/2023 and LBK 62/2024 (the dataset's files).
    static let holdAfDyr = root.appendingPathComponent("fixtures/store/hold-af-dyr").path
    /// The bundled corpus: Bekendtgørelse om tandpleje, its 12 versions and 4 amending orders (the seed texts of
    /// BEK 1073/2003 and BEK 1077/2020, with their preambles, and the dataset's files).
    static let corpus = root.appendingPathComponent("corpus").path

    /// A fresh temporary path for a database.
    static func temporaryPath(_ name: String = "store") -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-store-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name + ".sqlite").path
    }

    /// The database of every fixture, imported once per test run (read-only for the tests).
    static let shared: Result<(store: ParagrafStore, summary: ImportSummary), any Error> = Result {
        let path = temporaryPath("shared")
        let writer = try ParagrafStore.open(at: path, mode: .readWrite)
        let summary = try writer.importer().run([.path(extract), .path(holdAfDyr), .path(corpus)])
        try writer.close()
        return (try ParagrafStore.open(at: path, mode: .readOnly), summary)
    }

    static func store() throws -> ParagrafStore { try shared.get().store }
}
