import Foundation
import ParagrafTestSupport
import ParagrafXML
import Testing

/// The shared CLI runner; a missing binary is an error, not a skip.
enum ParagrafBinary {
    static var binary: URL? { ParagrafCLI.binary }

    static func run(_ arguments: [String]) throws -> ParagrafCLI.Result? {
        try ParagrafCLI.run(arguments)
    }
}

@Suite("paragraf parse/export with XML")
struct CLIExportTests {
    @Test(.needsLexDania) func parseReportsTheConsolidatedActsCounts() throws {
        guard let url = Files.lexdania("LBK-2024-62-hold-af-dyr.xml"),
            let r = try ParagrafBinary.run(["parse", url.path, "--format", "summary"])
        else { return }
        #expect(r.status == 0)
        #expect(r.stdout == "\(url.path): 18 kapitler, 93 §§, 196 stk., 84 nr., 367 pkt., 0 bilag, 0 diagnostics (0 warnings)\n")
        #expect(r.stderr.isEmpty)
    }

    @Test(.needsSchema) func exportOfTheCorpusValidates() throws {
        guard let schema = Files.schema, let r = try ParagrafBinary.run(["export", "2020", "--format", "akn", "--validate", schema.path])
        else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso"))
        #expect(r.stdout.contains("<ref href=\"#"))
        #expect(r.stderr.contains("valid against"))
    }

    @Test func htmlExportAndUsageErrors() throws {
        guard let r = try ParagrafBinary.run(["export", "2003", "--format", "html"]) else { return }
        #expect(r.status == 0)
        #expect(r.stdout.contains("<section id=\"chp_5__sec_17\" class=\"section\">"))
        guard let bad = try ParagrafBinary.run(["export", "2003", "--format", "html", "--validate", "x.xsd"]) else { return }
        #expect(bad.status == 64)
        guard let missing = try ParagrafBinary.run(["export", "1999"]) else { return }
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no version \"1999\""))
    }

    @Test func hostileFileIsReportedNotExpanded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-bomb-\(getpid()).xml").path
        try HostileInputTests.billionLaughs.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let r = try ParagrafBinary.run(["parse", path, "--format", "json"]) else { return }
        #expect(r.stderr.contains("warning[X003]: entity declaration 'lol' ignored"))
        #expect(r.stderr.contains("error[X001]"))
        #expect(!r.stdout.contains("lollol"))
    }

    /// A LexDania file in a corpus works like a text version (corpus loading reads by content).
    @Test(.needsLexDania) func lexDaniaVersionInACorpus() throws {
        guard let url = Files.lexdania("LBK-2024-62-hold-af-dyr.xml") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-corpus-\(UUID().uuidString)")
        let work = dir.appendingPathComponent("hold-af-dyr")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Files.bytes(url)
        try Data(bytes).write(to: work.appendingPathComponent("lbk-62.xml"))
        let sha = SHA256.hex(bytes)
        let manifest = """
            {"schemaVersion": 1, "id": "hold-af-dyr", "title": "Lov om hold af dyr", "versions": [
              {"id": "2024", "documentType": "LBK", "number": "62", "signed": "2024-01-19", "inForce": "2024-01-23",
               "repeals": null, "era": "region", "file": "lbk-62.xml", "sha256": "\(sha)"}]}
            """
        try manifest.write(to: work.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let show = try #require(try ParagrafBinary.run(["show", "--corpus", dir.path, "2024", "§ 36 c, stk. 2"]))
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Kapitel 6 a Veterinærfonden › § 36 c › Stk. 2"))
        #expect(show.stdout.contains("Veterinærfonden ledes af en bestyrelse på mindst 3 medlemmer."))
        let export = try #require(try ParagrafBinary.run(["export", "--corpus", dir.path, "2024", "--format", "akn"]))
        #expect(export.stdout.contains("<FRBRalias value=\"https://www.retsinformation.dk/eli/lta/2024/62\" name=\"eli\"/>"))
    }
}
