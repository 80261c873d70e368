import Foundation
import ParagrafAmendments
import ParagrafXML
import Testing

/// The real case: LBK 9/2022 (the dataset's document) + LOV 1547/2023 (LexDania XML, or its text) → LBK
/// 62/2024 (LexDania XML, or the dataset's document). Needs `../shared`; the same chain on committed extracts
/// runs without it (``VerifyTests``).
@Suite(
    "The real case: LBK 9/2022 + LOV 1547/2023 → LBK 62/2024",
    .enabled(
        if: Files.shared("danish-law/works/hold-af-dyr/2022_9.json") != nil && Files.shared("lexdania/LBK-2024-62-hold-af-dyr.xml") != nil,
        "needs ../shared/danish-law/works/hold-af-dyr and ../shared/lexdania"))
struct RealCaseTests {
    static func read(_ path: String) throws -> ParsedDocument {
        DocumentReader.read(try Files.bytes(try #require(Files.shared(path))), sourceName: path)
    }

    static func verify(act: ReadAmendingAct, consolidated: String) throws -> Verification {
        let base = try read("danish-law/works/hold-af-dyr/2022_9.json")
        let amendment = try act.act.amendment(for: base.document)
        return ConsolidationVerifier.verify(base: base, act: act.act, amendment: amendment, consolidated: try read(consolidated))
    }

    static func xmlAct() throws -> ReadAmendingAct {
        AmendmentReader.read(try Files.bytes(try #require(Files.shared("lexdania/LOV-2023-1547-aendring-hold-af-dyr.xml"))))
    }

    @Test func theLexDaniaConsolidationVerifies() throws {
        let v = try Self.verify(act: try Self.xmlAct(), consolidated: "lexdania/LBK-2024-62-hold-af-dyr.xml")
        #expect(v.agrees, "\(VerificationTextFormatter().format(v))")
        #expect(v.target == "lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022")
        #expect(v.instructions.map(\.status) == [.applied, .applied])
        #expect(v.provisions.count == 95)
        #expect(v.provisions.filter { $0.status == .agree }.count == 92)
        // § 3 a (the dataset prints footnote 1) in the text) and the two in-force provisions of earlier acts the
        // dataset prints as §§ after the act agree with the consolidation's notes.
        #expect(
            v.provisions.filter { $0.status == .agreesWithNote }.map(\.citation) == [
                "§ 3 a", "§ 24 (after the act)", "§ 12 (after the act)",
            ])
        let counts = Dictionary(grouping: v.changes, by: \.explanation).mapValues(\.count)
        // Chapters 11 and 13, whose §§ the instructions changed, go to the instructions; chapter 2 (§ 3 a's
        // footnote) to the notes, chapter 6 a (§ 36 c: "&amp;" in the XML) to the same text.
        #expect(counts == [.instruction: 9, .consolidation: 3, .notes: 5, .sameText: 29])
        #expect(v.changes.first { $0.old == "kapitel 2" }?.detail == "its §§ changed: § 3 a (kept as a note)")
        #expect(v.changes.filter { $0.explanation == .instruction && $0.level == "section" }.map(\.arrow) == ["— → § 53 a", "§ 66"])
        #expect(v.statements.map(\.status) == [.holds, .holds, .holds])
    }

    @Test func theDatasetConsolidationVerifies() throws {
        let v = try Self.verify(act: try Self.xmlAct(), consolidated: "danish-law/works/hold-af-dyr/2024_62.json")
        #expect(v.agrees, "\(VerificationTextFormatter().format(v))")
        #expect(v.provisions.count == 95 && v.provisions.allSatisfy { $0.status == .agree })
        #expect(v.changes.count == 10)
        #expect(v.changes.filter { $0.explanation == .instruction }.count == 9)
        #expect(v.changes.filter { $0.explanation != .instruction }.map(\.arrow) == ["signingDate"])
    }

    @Test func theActsTextVerifiesLikeItsXML() throws {
        let text = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt"))
        let fromText = try Self.verify(act: text, consolidated: "lexdania/LBK-2024-62-hold-af-dyr.xml")
        let fromXML = try Self.verify(act: try Self.xmlAct(), consolidated: "lexdania/LBK-2024-62-hold-af-dyr.xml")
        #expect(fromText.agrees)
        #expect(fromText.provisions == fromXML.provisions)
        #expect(fromText.changes == fromXML.changes)
    }

    /// The applied act has LBK 62/2024's §§ 53 a and 66 word for word.
    @Test func theAppliedProvisionsReadAsTheConsolidation() throws {
        let base = try Self.read("danish-law/works/hold-af-dyr/2022_9.json")
        let act = try Self.xmlAct().act
        let applied = AmendmentApplier.apply(act.amendments[0], to: base)
        let consolidated = try Self.read("lexdania/LBK-2024-62-hold-af-dyr.xml").document
        for number in ["53 a", "66"] {
            let mine = try #require(applied.body.section(number))
            let theirs = try #require(consolidated.sections.first { $0.number == number })
            #expect(mine.displayText == Provision(theirs).displayText)
        }
        #expect(applied.body.section("66")?.children.compactMap(\.number) == ["1", "2", "3", "4", "5", "6", "7"])
    }
}
