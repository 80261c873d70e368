import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

/// The CLI runner; these tests run from a scratch directory to show the corpus is found from anywhere.
enum CLI {
    static let root = ParagrafCLI.packageRoot

    static func run(_ arguments: [String], stdin: String? = nil) throws -> ParagrafCLI.Result {
        try ParagrafCLI.run(arguments, stdin: stdin, in: FileManager.default.temporaryDirectory)
    }
}

@Suite("paragraf command line")
struct CLITests {
    @Test func showPrintsTheProvisionWithItsPlace() throws {
        let result = try CLI.run(["show", "2003", "§ 17, stk. 3"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Bekendtgørelse om tandpleje (2003) › Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3")
        #expect(
            result.stdout.contains(
                "indtil fysisk modenhed hos den enkelte muliggør, at den pågældende behandling kan færdiggøres. Amtsrådet kan beslutte"))
        #expect(result.stderr.isEmpty)
    }

    @Test func missingProvisionNamesWhatExists() throws {
        let result = try CLI.run(["show", "2003", "§ 17, stk. 9"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "paragraf: error: 2003: § 17, stk. 9 findes ikke: § 17 har stk. 1-5\n")
    }

    @Test func badUsageExits64() throws {
        #expect(try CLI.run(["show", "2003"]).status == 64)
        #expect(try CLI.run(["show", "2003", "§ x"]).status == 64)
        #expect(try CLI.run(["show", "--at", "yesterday", "§ 1"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }

    @Test func unknownVersion() throws {
        let result = try CLI.run(["toc", "1999"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "no version \"1999\" in the corpus; versions: 2001, 2003, 2006, 2007, 2012, 2017, 2020, 2022, 2024-706, 2024-871, 2025-629, 2025-1444"
            ))
    }

    @Test func missingFileForDiff() throws {
        let result = try CLI.run(["diff", "2003", "/nonexistent/ny.txt"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "paragraf: error: cannot read \"/nonexistent/ny.txt\": no such file; and no version \"/nonexistent/ny.txt\" in the corpus; versions: 2001, 2003, 2006, 2007, 2012, 2017, 2020, 2022, 2024-706, 2024-871, 2025-629, 2025-1444\n"
        )
    }

    @Test func showAtADate() throws {
        let result = try CLI.run(["show", "--at", "2021-01-01", "§ 21"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Bekendtgørelse om tandpleje (2020) › Kapitel 6 Regionstandpleje › § 21"))
        #expect(result.stderr.isEmpty)
        let none = try CLI.run(["show", "--at", "1999-01-01", "§ 21"])
        #expect(none.status == 1)
        #expect(
            none.stderr
                == "paragraf: error: no version in the corpus was in force on 1999-01-01; the earliest, 2001 (BEK nr. 205 af 22. marts 2001), applied from ~2001-03-22\n"
        )
    }

    @Test func showAtADateTheCountyEraIsOverIn2015() throws {
        // BEK 179/2012 applied on 1 January 2015 (390 kr.), not the 2003 text (380 kr.); its amending orders are
        // named, since the text is shown as issued.
        let result = try CLI.run(["show", "--at", "2015-01-01", "§ 10"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Bekendtgørelse om tandpleje (2012) › Kapitel 2 › § 10\n"))
        #expect(result.stdout.contains("maximalt udgøre 390 kr. årligt"))
        #expect(
            result.stderr
                == "note: by 2015-01-01 2012 had been amended by BEK nr. 1344 af 18. december 2012 and BEK nr. 98 af 30. januar 2013; the corpus holds only fragments of those orders, so the text is shown as issued\n"
        )
    }

    @Test func showAtADateWhoseVersionHasNoText() throws {
        let text = try CLI.run(["show", "--at", "2009-01-01", "§ 10"])
        #expect(text.status == 1)
        #expect(text.stdout.isEmpty)
        #expect(
            text.stderr
                == "paragraf: error: on 2009-01-01 version 2007 (BEK nr. 727 af 15. juni 2007, in force ~2007-06-15 – 2012-03-01) applied; the corpus has no text of it (only its metadata), so it cannot be shown\n"
        )
        let json = try CLI.run(["show", "--at", "2009-01-01", "§ 10", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"textAvailable\" : false"))
        #expect(json.stdout.contains("\"instrument\" : \"BEK nr. 727 af 15. juni 2007\""))
        #expect(json.stdout.contains("\"end\" : \"2012-03-01\""))
        #expect(json.stdout.contains("\"schemaVersion\" : 1"))
    }

    @Test func showByNumberAndYear() throws {
        let result = try CLI.run(["show", "1658/2017", "§ 35, stk. 2"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Bekendtgørelse om tandpleje (2017) › Kapitel 9 › § 35 › Stk. 2\n"))
        #expect(result.stdout.contains("Bekendtgørelse nr. 179 af 28. februar 2012 om tandpleje ophæves samtidig."))
    }

    @Test func parseSummaryAndJSON() throws {
        let path = CLI.root.appendingPathComponent("corpus/tandpleje/2020-bek-tandpleje.txt").path
        let summary = try CLI.run(["parse", path, "--format", "summary"])
        #expect(summary.status == 0)
        #expect(summary.stdout.hasSuffix(": 10 kapitler, 38 §§, 141 stk., 41 nr., 248 pkt., 1 bilag, 0 diagnostics (0 warnings)\n"))
        let json = try CLI.run(["parse", "-", "--format", "json"], stdin: "§ 1. Kommunen skal.\nStk. 2. Regionen kan.\n")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let document = try #require(object["document"] as? [String: Any])
        let root = try #require(document["root"] as? [String: Any])
        let sections = try #require(root["children"] as? [[String: Any]])
        #expect(sections.first?["id"] as? String == "p1")
    }

    @Test("parse --format json writes, a chapter at a time, what one encoder pass over the tree gives")
    func parseJSONIsOneEncodingByteForByte() throws {
        let path = CLI.root.appendingPathComponent("corpus/tandpleje/2003-bek-tandpleje.txt").path
        let json = try CLI.run(["parse", path, "--format", "json", "--quiet"])
        #expect(json.status == 0)
        struct Envelope: Encodable {
            var schemaVersion = Document.schemaVersion
            var document: Document
        }
        let parsed = RegulationParser.parse(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), sourceName: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.userInfo[.sourceLocations] = parsed.source.locations
        let whole = String(decoding: try encoder.encode(Envelope(document: parsed.document)), as: UTF8.self) + "\n"
        #expect(json.stdout == whole)
        #expect(parsed.document.root.children.map(\.kind).filter { $0 == .chapter }.count == 9)
        #expect(parsed.document.root.children.count == 13)
        // A tree whose root has no children: the skeleton alone.
        let empty = try CLI.run(["parse", "-", "--format", "json"], stdin: "")
        #expect(empty.status == 0 && empty.stdout.hasSuffix("}\n") && !empty.stdout.contains("children"))
    }

    @Test func parseMissingFile() throws {
        let result = try CLI.run(["parse", "/nonexistent/file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "paragraf: error: no such file: /nonexistent/file.txt\n")
    }

    @Test func versionsAsJSON() throws {
        let result = try CLI.run(["versions", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"schemaVersion\" : 2"))
        #expect(result.stdout.contains("\"problems\" : [\n\n  ]"))
        #expect(result.stdout.contains("\"neverApplied\" : true"))
        #expect(result.stdout.contains("\"numberAndYear\" : \"1658/2017\""))
    }

    @Test func versionsListsTheChain() throws {
        let result = try CLI.run(["versions"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 21)
        #expect(lines[0] == "tandpleje  Bekendtgørelse om tandpleje")
        #expect(
            lines.contains(
                "  2012       BEK nr. 179   underskrevet 2012-02-28  i kraft 2012-03-01 – 2018-01-01  (region)  tekst  ophæver BEK nr. 727 af 15. juni 2007"
            ))
        #expect(
            lines.contains(
                "  2024-706   BEK nr. 706   underskrevet 2024-06-11  i kraft aldrig (skulle 2024-07-01)  (region)  tekst  ophæver BEK nr. 959 af 14. juni 2022"
            ))
        #expect(lines.contains("             never applied: 2024-871 repealed it on the day it was to enter into force (2024-07-01)"))
        #expect(
            lines.contains(
                "  2007       BEK nr. 727   underskrevet 2007-06-15  i kraft ~2007-06-15 – 2012-03-01  (region)  ingen tekst  ophæver BEK nr. 285 af 4. april 2006"
            ))
    }

    @Test func versionsReportsADisagreementWithTheManifest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-cli-chain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus"), to: directory)
        let manifest = directory.appendingPathComponent("tandpleje/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: #""number": "1077","#, with: #""number": "1078","#)  // 2020, and 2022's repeal
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CLI.run(["versions", "--corpus", directory.path])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "paragraf: error: the texts and the manifest disagree:\n  tandpleje/2020: its record 2020_1077.json is nr. 1077, the manifest says 1078\n  tandpleje/2022: the manifest says it repeals BEK nr. 1078 af 30. juni 2020; its text repeals BEK nr. 1077 af 30. juni 2020\n  tandpleje/2020: no later version repeals it, so the chain breaks after it\n  tandpleje/2022: it repeals no earlier version of the work, so the chain breaks before it\n"
        )
    }

    @Test func corpusOptionPointsElsewhere() throws {
        let result = try CLI.run(["versions", "--corpus", "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("corpus directory not found: /nonexistent"))
    }
}

@Suite("paragraf reference commands")
struct ReferenceCLITests {
    @Test func resolveRelativeToACitingPlace() throws {
        let result = try CLI.run(["resolve", "2003", "jf. § 17, stk. 3", "--from", "§ 1, stk. 2"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Bekendtgørelse om tandpleje (2003) › Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3\n"))
        let relative = try CLI.run(["resolve", "2003", "stk. 3", "--from", "§ 1, stk. 2"])
        #expect(relative.status == 0)
        #expect(
            relative.stdout.hasPrefix("Bekendtgørelse om tandpleje (2003) › Kapitel 1 Kommunal børne- og ungdomstandpleje › § 1 › Stk. 3\n")
        )
        #expect(try CLI.run(["resolve", "2003", "stk. 3"]).status == 64)
    }

    @Test func citedByListsEveryCitingNode() throws {
        let result = try CLI.run(["cited-by", "2020", "§ 12"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("2020 › Kapitel 3 Specialtandpleje › § 12 is cited 8 times"))
        for place in [
            "§ 1 › Stk. 7", "§ 1 › Stk. 9", "§ 13 › Stk. 1", "§ 13 › Stk. 2", "§ 14 › Stk. 1", "§ 15 › Stk. 1", "§ 15 › Stk. 2",
            "§ 16 › Stk. 1",
        ] {
            #expect(result.stdout.contains(place))
        }
    }

    @Test func checkReportsTheUnresolvedCitation() throws {
        let result = try CLI.run(["check", "2020"])
        #expect(result.status == 1)
        #expect(result.stdout.contains(":142:78: warning[R001]: citation \"i henhold til § 22, stk. 1, 2. pkt.\""))
        #expect(result.stdout.contains("§ 22, stk. 1 has 1 sentence; there is no 2. pkt."))
    }

    @Test func refsAsJSON() throws {
        let result = try CLI.run(["refs", "2020", "§ 1, stk. 7", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] != nil)
    }

    @Test func citeReadsProseFromStandardInput() throws {
        let result = try CLI.run(["cite", "-"], stdin: "Hjælpen ydes efter Lov om Aktiv Socialpolitik, §82 og §82a.\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("§ 82 (lov om aktiv socialpolitik)"))
        #expect(result.stdout.contains("§ 82 a (lov om aktiv socialpolitik)"))
    }

    /// `paragraf parse DIR` (issue 14, item 4): every file of a directory parsed in one process, one summary
    /// line each, in name order, whatever --jobs; subdirectories and hidden files skipped; an unreadable file
    /// reported at the end with exit 1, the others still parsed; JSON is one document at a time (exit 64).
    @Test func parseADirectoryInOneProcess() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("nested"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, source) in [("b.txt", "fixtures/layouts/dash-chapters.txt"), ("a.txt", "fixtures/layouts/numbered-chapters.txt")] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(source), to: directory.appendingPathComponent(name))
        }
        try Data("§ 1. Skjult.".utf8).write(to: directory.appendingPathComponent(".hidden.txt"))
        try Data("§ 1. Indlejret.".utf8).write(to: directory.appendingPathComponent("nested/c.txt"))
        let result = try CLI.run(["parse", directory.path, "--format", "summary", "--quiet"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines[0] == directory.path + "/a.txt: 2 afsnit, 3 kapitler, 8 §§, 8 stk., 3 nr., 12 pkt., 0 bilag, 0 diagnostics (0 warnings)")
        #expect(lines[1].hasPrefix(directory.path + "/b.txt: 2 kapitler, 5 §§"))
        #expect(result.stderr.isEmpty)

        let missing = try CLI.run([
            "parse", directory.path + "/a.txt", "/nonexistent/x.txt", directory.path + "/b.txt", "--format", "summary", "--quiet",
        ])
        #expect(missing.status == 1)
        #expect(missing.stdout.split(separator: "\n").count == 2)
        #expect(missing.stderr == "paragraf: error: no such file: /nonexistent/x.txt\n")

        // Several at a time, printed in the same order with the same diagnostics as one at a time.
        for name in ["c.txt", "d.txt", "e.txt"] {
            try FileManager.default.copyItem(
                at: CLI.root.appendingPathComponent("fixtures/regressions/fuzz-parser-separator-only-heading.txt"),
                to: directory.appendingPathComponent(name))
        }
        let one = try CLI.run(["parse", directory.path, "--format", "summary", "--jobs", "1"])
        let four = try CLI.run(["parse", directory.path, "--format", "summary", "--jobs", "4"])
        #expect(one.stdout.split(separator: "\n").count == 5)
        #expect(four.stdout == one.stdout)
        #expect(four.stderr == one.stderr)
        #expect(one.stderr.contains(directory.path + "/c.txt:1:1: warning[P004]: text before the first heading"))

        #expect(try CLI.run(["parse", directory.path, "--format", "json"]).status == 64)
        #expect(try CLI.run(["parse", directory.path, "--jobs", "0"]).status == 64)
        #expect(try CLI.run(["parse"]).status == 64)
    }
}
