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
        #expect(result.stdout.contains("indtil fysisk modenhed hos den enkelte muliggør, at den pågældende behandling kan færdiggøres. Amtsrådet kan beslutte"))
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
        #expect(result.stderr.contains("no version \"1999\" in the corpus; versions: 2003, 2020"))
    }

    @Test func missingFileForDiff() throws {
        let result = try CLI.run(["diff", "2003", "/nonexistent/ny.txt"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "paragraf: error: cannot read \"/nonexistent/ny.txt\": no such file; and no version \"/nonexistent/ny.txt\" in the corpus; versions: 2003, 2020\n"
        )
    }

    @Test func showAtADate() throws {
        let result = try CLI.run(["show", "--at", "2021-01-01", "§ 21"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Bekendtgørelse om tandpleje (2020) › Kapitel 6 Regionstandpleje › § 21"))
        #expect(result.stderr.contains("its end date is unknown"))
        let none = try CLI.run(["show", "--at", "1999-01-01", "§ 21"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no version in the corpus was in force on 1999-01-01"))
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
        #expect(result.stdout.contains("\"endDateNote\" : \"end date unknown: the next corpus version, 2020, repealed BEK nr. 1658 af 22. december 2017, not this version\""))
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
        #expect(relative.stdout.hasPrefix("Bekendtgørelse om tandpleje (2003) › Kapitel 1 Kommunal børne- og ungdomstandpleje › § 1 › Stk. 3\n"))
        #expect(try CLI.run(["resolve", "2003", "stk. 3"]).status == 64)
    }

    @Test func citedByListsEveryCitingNode() throws {
        let result = try CLI.run(["cited-by", "2020", "§ 12"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("2020 › Kapitel 3 Specialtandpleje › § 12 is cited 8 times"))
        for place in ["§ 1 › Stk. 7", "§ 1 › Stk. 9", "§ 13 › Stk. 1", "§ 13 › Stk. 2", "§ 14 › Stk. 1", "§ 15 › Stk. 1", "§ 15 › Stk. 2", "§ 16 › Stk. 1"] {
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
}
