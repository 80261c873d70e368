import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafTestSupport
import Testing

/// Locates fixtures and the shared data relative to the package root.
enum Files {
    static let packageRoot = ParagrafCLI.packageRoot
    /// `../shared`, next to the package; nil when absent (a clone on a user's machine).
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
    /// A file under `../shared`, or nil when it is not there.
    static func shared(_ path: String) -> URL? {
        guard let url = shared?.appendingPathComponent(path), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }
    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    static func fixture(_ path: String) throws -> [UInt8] { try bytes(packageRoot.appendingPathComponent("fixtures/amendments/" + path)) }
    static func fixtureText(_ path: String) throws -> String { String(decoding: try fixture(path), as: UTF8.self) }
}

/// The bundled corpus's BEK nr. 1077 af 30. juni 2020 om tandpleje, the base of the synthetic amending orders.
enum Tandpleje2020 {
    static func parsed() throws -> ParsedDocument {
        let bytes = try Files.bytes(Files.packageRoot.appendingPathComponent("corpus/tandpleje/2020-bek-tandpleje.txt"))
        return RegulationParser.parse(bytes, sourceName: "2020")
    }
}

extension Array where Element == Provision {
    /// The § numbered `number` among these provisions (chapters are entries of their own in a body).
    func section(_ number: String) -> Provision? { first { $0.kind == .section && $0.number == number } }
    /// The chapter numbered `number`.
    func chapter(_ number: String) -> Provision? { first { $0.kind == .chapter && $0.number == number } }
}

extension Provision {
    /// The child stk. numbered `number`.
    func stk(_ number: String) -> Provision? { children.first { $0.kind == .subsection && $0.number == number } }
    /// The child items' numbers.
    var itemNumbers: [String] { children.filter { $0.kind == .item }.compactMap(\.number) }
    /// The sentences' texts.
    var sentences: [String] { children.filter { $0.kind == .sentence }.compactMap(\.text) }
}
