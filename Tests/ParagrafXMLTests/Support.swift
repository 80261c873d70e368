import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

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

extension Trait where Self == ConditionTrait {
    /// Runs the test only when the LexDania samples lie in `../shared/lexdania`; elsewhere (a clone on a
    /// user's machine) the test is reported as skipped, with this reason, rather than passing unseen.
    static var needsLexDania: Self {
        .enabled(if: Files.lexdania("BEK-2024-1709-sygedagpenge.xml") != nil, "needs the LexDania samples in ../shared/lexdania")
    }
    /// Runs the test only when the Akoma Ntoso schema lies in `../shared/akn`; skipped (and reported) elsewhere.
    static var needsSchema: Self {
        .enabled(if: Files.schema != nil, "needs the Akoma Ntoso schema in ../shared/akn")
    }
}
