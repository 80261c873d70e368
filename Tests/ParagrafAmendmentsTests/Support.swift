import Foundation
import Paragraf
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
