import Foundation
import ParagrafAmendments
import ParagrafXML
import Testing

/// LBK 9/2022 + LOV 1547/2023 § 1 → LBK 62/2024 on committed extracts (§§ 53, 53 a, 54, 66 and the notes):
/// the dataset's LBK 9/2022, the act as text and as XML, LBK 62/2024 as LexDania XML and as a dataset document.
@Suite("Verifying a consolidation (extracts)")
struct VerifyTests {
    static func document(_ name: String) throws -> ParsedDocument {
        DocumentReader.read(try Files.fixture(name), sourceName: name)
    }

    static func verify(base: String, act: String, consolidated: String, edit: ((String) -> String)? = nil) throws -> Verification {
        let read = AmendmentReader.read(try Files.fixture(act), sourceName: act)
        let baseDocument = try document(base)
        var new = try document(consolidated)
        if let edit {
            let text = edit(String(decoding: try Files.fixture(consolidated), as: UTF8.self))
            new = DocumentReader.read(Array(text.utf8), sourceName: consolidated)
        }
        let amendment = try read.act.amendment(for: baseDocument.document)
        return ConsolidationVerifier.verify(base: baseDocument, act: read.act, amendment: amendment, consolidated: new)
    }

    @Test func theXMLConsolidationAgrees() throws {
        let v = try Self.verify(base: "lbk-9-2022-extract.json", act: "lov-1547-2023.txt", consolidated: "lbk-62-2024-extract.xml")
        #expect(v.agrees, "\(VerificationTextFormatter().format(v))")
        #expect(v.instructions.map(\.status) == [.applied, .applied])
        #expect(v.provisions.map(\.citation) == ["§ 53", "§ 53 a", "§ 54", "§ 66"])
        #expect(v.provisions.allSatisfy { $0.status == .agree })
        #expect(v.provisions.map(\.instructions) == [[], ["1"], [], ["2"]])
        let byInstruction = v.changes.filter { $0.explanation == .instruction }
        #expect(
            byInstruction.map(\.arrow) == [
                "kapitel 11", "kapitel 13", "— → § 53 a", "§ 66", "— → § 66, stk. 3", "§ 66, stk. 3 → § 66, stk. 4",
                "§ 66, stk. 4 → § 66, stk. 5", "§ 66, stk. 5 → § 66, stk. 6", "§ 66, stk. 6 → § 66, stk. 7",
            ])
        #expect(byInstruction.map(\.instructions) == [["1"], ["2"], ["1"], ["2"], ["2"], ["2"], ["2"], ["2"], ["2"]])
        #expect(v.unexplained.isEmpty)
        #expect(v.statements.map(\.status) == [.holds, .holds, .holds])
        #expect(
            v.statements.map(\.claim) == [
                "names lovbekendtgørelse nr. 9 af 6. januar 2022 as the version it consolidates",
                "includes § 1 of lov af 12. december 2023",
                "keeps § 6 of the amending act (“Loven træder i kraft den 1. januar 2024.”) as a note",
            ])
        #expect(
            v.notCompared == ["title, preamble, chapter titles, annexes, signature: lbk-9-2022-extract.json's source does not hold them"])
        #expect(v.chapters.map(\.status) == [.agree, .agree])
    }

    @Test func theDatasetConsolidationAgreesFromTheXMLAct() throws {
        let v = try Self.verify(base: "lbk-9-2022-extract.json", act: "lov-1547-2023-extract.xml", consolidated: "lbk-62-2024-extract.json")
        #expect(v.agrees, "\(VerificationTextFormatter().format(v))")
        #expect(v.amendingAct == "LOV nr. 1547 af 12. december 2023, § 1")
        #expect(v.statements.map(\.status) == [.notStated, .notStated, .notStated])
        #expect(v.changes.filter { $0.explanation != .instruction }.map(\.arrow) == ["signingDate"])
    }

    @Test func aWrongWordIsReportedWithBothTexts() throws {
        let v = try Self.verify(base: "lbk-9-2022-extract.json", act: "lov-1547-2023.txt", consolidated: "lbk-62-2024-extract.xml") {
            $0.replacingOccurrences(of: "Ministeren kan delegere sagsforberedende", with: "Ministeren kan overdrage sagsforberedende")
        }
        #expect(!v.agrees)
        let differs = v.disagreements
        #expect(differs.map(\.citation) == ["§ 66"])
        #expect(differs.first?.instructions == ["2"])
        let difference = try #require(differs.first?.differences.first)
        #expect(difference.citation == "§ 66, stk. 3")
        #expect(difference.excerpt == "Ministeren kan [-delegere-] {+overdrage+} sagsforberedende opgaver inden for lovens kapitel …")
        #expect(
            difference.old
                == "Ministeren kan delegere sagsforberedende opgaver inden for lovens kapitel 6 til private fysiske eller juridiske personer."
        )
        #expect(VerificationTextFormatter().format(v).hasSuffix("Result: DISAGREES: 1 provisions differ.\n"))
    }

    @Test func aChangeNoInstructionGivesIsUnexplained() throws {
        let v = try Self.verify(base: "lbk-9-2022-extract.json", act: "lov-1547-2023.txt", consolidated: "lbk-62-2024-extract.xml") {
            $0.replacingOccurrences(of: "påbudt udført på private laboratorier", with: "påbudt udført på offentlige laboratorier")
        }
        #expect(v.disagreements.map(\.citation) == ["§ 54"])
        #expect(v.unexplained.map(\.arrow) == ["§ 54", "§ 54, stk. 2"])
        #expect(v.unexplained.last?.detail?.contains("[-private-] {+offentlige+}") == true)
        #expect(
            v.unexplained.last?.detail?.hasPrefix("base: “Ministeren kan fastsætte regler om betaling for udførelse af undersøgelser")
                == true)
    }

    @Test func aConsolidationThatLeftTheAmendmentOut() throws {
        // LBK 9/2022 itself as the "consolidation": § 53 a missing, § 66 with the old stk.
        let read = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt"))
        let base = try Self.document("lbk-9-2022-extract.json")
        let v = ConsolidationVerifier.verify(
            base: base, act: read.act, amendment: read.act.amendments[0], consolidated: base)
        #expect(!v.agrees)
        #expect(v.disagreements.map { "\($0.citation) \($0.status.rawValue)" } == ["§ 53 a onlyApplied", "§ 66 differ"])
        #expect(
            v.disagreements[1].differences.map(\.citation) == [
                "§ 66, stk. 3", "§ 66, stk. 4", "§ 66, stk. 5", "§ 66, stk. 6", "§ 66, stk. 7",
            ])
        #expect(v.disagreements[1].differences.last?.new == nil)
        #expect(v.changes.isEmpty)
    }

    @Test func markdownAndJSONCarryTheSameResult() throws {
        let v = try Self.verify(base: "lbk-9-2022-extract.json", act: "lov-1547-2023.txt", consolidated: "lbk-62-2024-extract.xml")
        let markdown = VerificationMarkdownFormatter().format(v)
        #expect(markdown.contains("- Result: **the consolidation agrees with the base and the instructions.**"))
        #expect(markdown.contains("| — → § 53 a | section | added | instruction 1 |  |"))
        let encoder = JSONEncoder()
        encoder.userInfo[.sourceLocations] = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt")).source.locations
        let json = try encoder.encode(v)
        let decoded = try JSONDecoder().decode(Verification.self, from: json)
        #expect(decoded == v)
    }
}
