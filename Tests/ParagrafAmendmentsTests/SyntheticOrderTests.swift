import Foundation
import ParagrafAmendments
import Testing

/// A synthetic amending order against the real BEK nr. 1077 af 30. juni 2020 om tandpleje (the bundled corpus
/// version), with one instruction of each kind: `fixtures/amendments/synthetic/bek-aendring-tandpleje.txt`.
@Suite("Synthetic amending order on BEK 1077/2020")
struct SyntheticOrderTests {
    func applied() throws -> AppliedAct {
        let act = AmendmentReader.read(try Files.fixture("synthetic/bek-aendring-tandpleje.txt")).act
        let amendment = try act.amendment(for: try Tandpleje2020.parsed().document)
        return AmendmentApplier.apply(amendment, to: try Tandpleje2020.parsed())
    }

    @Test func readsEveryInstruction() throws {
        let act = AmendmentReader.read(try Files.fixture("synthetic/bek-aendring-tandpleje.txt")).act
        #expect(act.documentType == .bekendtgoerelse)
        #expect(act.signingDate?.description == "2020-12-15")
        #expect(act.amendments.count == 1)
        let amendment = act.amendments[0]
        #expect(amendment.actName == "bekendtgørelse om tandpleje")
        #expect(amendment.target == "bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje")
        #expect(amendment.instrument?.number == "1077" && amendment.instrument?.type == .bekendtgoerelse)
        #expect(amendment.instructions.count == 14)
        #expect(amendment.instructions.allSatisfy { $0.status == .read })
        let kinds = amendment.instructions.map { $0.operations.map(\.kind.rawValue).joined(separator: "+") }
        #expect(
            kinds == [
                "replaceWords+replaceWords", "replaceWords+replaceWords", "replaceWords", "insert+renumber", "insertWords", "repeal",
                "deleteWords", "insert+renumber", "insert", "insert", "rewrite", "rewrite", "insert", "repeal",
            ])
        #expect(act.ownProvisions.map(\.inForceDate?.description) == ["2021-01-01"])
    }

    @Test func everyInstructionApplies() throws {
        let result = try applied()
        #expect(result.isFullyApplied, "\(result.outcomes.filter { $0.status != .applied })")
        #expect(result.outcomes.map(\.status).allSatisfy { $0 == .applied })
    }

    @Test func wordsAreReplacedInsertedAndDeleted() throws {
        let body = try applied().body
        let ten = try #require(body.section("10")?.stk("1"))
        #expect(
            ten.sentences[1]
                == "Patientens egenbetaling i omsorgstandplejen kan dog maksimalt udgøre 555 kr. årligt (grundbeløb pr. 1. januar 2021).")
        #expect(ten.sentences[2].hasSuffix("svarende til patientens egenbetaling i den praktiserende tandpleje."))
        #expect(
            body.section("15")?.stk("1")?.sentences[1]
                == "Patientens egenbetaling i specialtandplejen kan dog maksimalt udgøre 2.065 kr. årligt (grundbeløb pr. 1. januar 2021).")
        #expect(
            body.section("2")?.stk("3")?.sentences == [
                "Kommunalbestyrelsen kan fastsætte generelle retningslinjer vedrørende hyppigheden af indkaldelse af børn og unge, herunder unge over 16 år, til tandpleje."
            ])
        #expect(
            body.section("3")?.stk("2")?.sentences == [
                "Kommunalbestyrelsen kan beslutte at tilrettelægge sin børne- og ungdomstandpleje således, at kommunen anvender offentlige klinikker og praktiserende tandlæger."
            ])
        // "Overalt": every occurrence, 8 provisions.
        let everywhere = try applied().outcomes[2].changes
        #expect(everywhere.count == 8)
        #expect(everywhere.map(\.description).prefix(3) == ["§ 1, stk. 9 (amended)", "§ 10, stk. 1 (amended)", "§ 12, stk. 1 (amended)"])
    }

    @Test func provisionsAreInsertedRepealedAndRenumbered() throws {
        let result = try applied()
        let body = result.body
        let two = try #require(body.section("2"))
        #expect(two.stk("1")?.itemNumbers == ["1", "2", "3", "4", "5"])
        #expect(two.stk("1")?.children.first { $0.number == "4" }?.displayText == "Tandpleje til børn og unge med særlige behov.")
        #expect(two.stk("1")?.children.first { $0.number == "5" }?.displayText.hasPrefix("Behandling af anomalier") == true)
        #expect(two.children.compactMap(\.number) == ["1", "2", "3"])
        let ten = try #require(body.section("10"))
        #expect(ten.children.compactMap(\.number) == ["1", "2", "3", "4"])
        #expect(ten.stk("2")?.sentences == ["Beløbet i stk. 1 reguleres én gang årligt pr. 1. januar med satsreguleringsprocenten."])
        #expect(
            ten.stk("3")?.sentences.first?.hasPrefix(
                "Kommunalbestyrelsen har pligt til at oplyse om, hvordan kommunen har tilrettelagt omsorgstandplejen") == true)
        #expect(ten.stk("4")?.sentences.last == "Oplysningen skal gives skriftligt.")
        #expect(ten.stk("4")?.label == "Stk. 4.")
        #expect(body.section("14")?.stk("8")?.sentences == ["Regionsrådet offentliggør rammeaftalen."])
        #expect(
            body.section("16")?.displayText
                == "Specialtandpleje i henhold til § 12 skal omfatte forebyggelse, undersøgelse og behandling. Stk. 2. Kommunalbestyrelsen har pligt til at færdiggøre påbegyndte behandlinger."
        )
        #expect(body.chapter("4")?.title == "Socialtandpleje for socialt udsatte")
        let order = body.filter { $0.kind == .section }.compactMap(\.number)
        #expect(order[17...19] == ["18", "19", "19 a"])
        #expect(body.section("22")?.isRepealed == true && body.section("22")?.displayText == "(Ophævet)")
        // Changes, in the base's and the result's numbering.
        #expect(
            result.outcomes[7].changes.map(\.description) == [
                "§ 10, stk. 2 (inserted)", "§ 10, stk. 2 → § 10, stk. 3 (renumbered)", "§ 10, stk. 3 → § 10, stk. 4 (renumbered)",
            ])
        #expect(result.outcomes[8].changes.map(\.description) == ["§ 10, stk. 4, 2. pkt. (inserted)"])
        #expect(result.outcomes[13].changes.map(\.description) == ["§ 22 (repealed)"])
    }

    /// The amended text parses back into the same tree: what `paragraf apply` prints is the act.
    @Test func theAmendedTextParsesBackIntoTheSameProvisions() throws {
        let result = try applied()
        let reparsed = result.parsed.document
        #expect(reparsed.sections.count == 39)
        #expect(
            reparsed.sections.first { $0.number == "19 a" }?.plainText
                == "Kommunalbestyrelsen kan samarbejde med regionsrådet om socialtandplejen.")
        #expect(reparsed.chapters.first { $0.number == "4" }?.title == "Socialtandpleje for socialt udsatte")
        let fromText = reparsed.sections.map { Provision($0).displayText }
        let fromBody = result.body.filter { $0.kind == .section }.map(\.displayText)
        #expect(fromText == fromBody)
    }
}
