import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

/// An installed `paragraf` finds its corpus wherever it is run from: beside the binary, or in the install
/// prefix's `share/paragraf/corpus`, through a symbolic link too. Each test copies the binary and a corpus whose
/// title is changed, so the output shows which corpus was read (not the checkout's).
@Suite("Installed paragraf")
struct InstallTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the binary to `bin` and a retitled corpus to `corpus`.
    static func install(bin: URL, corpus: URL) throws {
        let binary = try #require(ParagrafCLI.binary)
        try FileManager.default.createDirectory(at: bin.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: bin)
        try FileManager.default.createDirectory(at: corpus.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ParagrafCLI.packageRoot.appendingPathComponent("corpus"), to: corpus)
        let manifest = corpus.appendingPathComponent("tandpleje/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: #""title": "Bekendtgørelse om tandpleje""#, with: #""title": "Tandpleje (installeret)""#)
        try text.write(to: manifest, atomically: true, encoding: .utf8)
    }

    /// Runs `binary versions` from `/` without PARAGRAF_CORPUS; its first line.
    static func firstLine(_ binary: URL) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["versions"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARAGRAF_CORPUS")
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func corpusBesideTheBinary() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.install(bin: dir.appendingPathComponent("paragraf"), corpus: dir.appendingPathComponent("corpus"))
        #expect(try Self.firstLine(dir.appendingPathComponent("paragraf")) == "tandpleje  Tandpleje (installeret)")
    }

    @Test func corpusInTheInstallPrefixThroughASymlink() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let prefix = dir.appendingPathComponent("prefix")
        try Self.install(
            bin: prefix.appendingPathComponent("bin/paragraf"), corpus: prefix.appendingPathComponent("share/paragraf/corpus"))
        let link = dir.appendingPathComponent("paragraf-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: prefix.appendingPathComponent("bin/paragraf"))
        #expect(try Self.firstLine(link) == "tandpleje  Tandpleje (installeret)")
    }

    @Test func candidatesInOrder() {
        let candidates = CorpusLocation.candidates(environment: ["PARAGRAF_CORPUS": "/data/corpus"], executable: "/opt/p/bin/paragraf")
        #expect(Array(candidates.prefix(3)) == ["/data/corpus", "/opt/p/bin/corpus", "/opt/p/share/paragraf/corpus"])
        #expect(candidates.last?.hasSuffix("/corpus") == true)
        #expect(CorpusLocation.candidates(environment: [:], executable: nil).count == 1)
    }
}
