import Foundation
import Paragraf
import ParagrafTestSupport

/// Locates files relative to the package root (from `#filePath`).
enum Files {
    static let packageRoot = ParagrafCLI.packageRoot
    /// `../shared`, next to the package, holding the LexDania samples and the AKN schema; nil when absent.
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
    static func lexdania(_ name: String) -> URL? {
        guard let url = shared?.appendingPathComponent("lexdania/\(name)"), FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }
    static var schema: URL? {
        guard let url = shared?.appendingPathComponent("akn/akomantoso30.xsd"), FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }
    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    static func fixture(_ path: String) throws -> [UInt8] { try bytes(packageRoot.appendingPathComponent(path)) }
}

extension Document {
    func count(_ kind: NodeKind) -> Int { root.all(kind).count }
}
