import Foundation
import ParagrafAmendments
import Testing

/// One synthetic amending order per form of instruction, against the real BEK nr. 1077 af 30. juni 2020 om
/// tandpleje: what is read, and what the act says afterwards.
@Suite("Instruction forms")
struct OperationFormTests {
    static func order(_ instructions: String) -> String {
        """
        Bekendtgørelse om ændring af bekendtgørelse om tandpleje
        § 1
        I bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje foretages følgende ændringer:
        \(instructions)
        § 2
        Bekendtgørelsen træder i kraft den 1. januar 2021.
        Sundhedsministeriet, den 15. december 2020
        """
    }

    func run(_ instructions: String) throws -> (AmendingAct, AppliedAct) {
        let act = AmendmentReader.read(text: Self.order(instructions), sourceName: "order.txt").act
        let amendment = try #require(act.amendments.first)
        return (act, AmendmentApplier.apply(amendment, to: try Tandpleje2020.parsed()))
    }

    @Test func replaceInTwoPlaces() throws {
        let (act, applied) = try run("1. I § 14, stk. 2, ændres »regionsrådet« to steder til: »regionen«.")
        #expect(act.instructions[0].operations[0].summary == "replace »regionsrådet« with »regionen« in § 14, stk. 2 (in 2 places)")
        #expect(applied.isFullyApplied)
        #expect(
            applied.body.section("14")?.stk("2")?.sentences.first?.hasPrefix(
                "Vælger kommunalbestyrelsen at overlade udførelsen af opgaven til regionen, er regionen forpligtet til") == true)
    }

    @Test func replaceOnlyTheFirstPlace() throws {
        let (act, applied) = try run("1. I § 14, stk. 2, ændres »regionsrådet« første sted til: »regionen«.")
        #expect(act.instructions[0].operations[0].summary == "replace »regionsrådet« with »regionen« in § 14, stk. 2 (the 1st place)")
        #expect(
            applied.body.section("14")?.stk("2")?.sentences.first?.hasPrefix(
                "Vælger kommunalbestyrelsen at overlade udførelsen af opgaven til regionen, er regionsrådet forpligtet til") == true)
    }

    @Test func replaceInTwoItems() throws {
        let (act, applied) = try run("1. I § 16, stk. 1, nr. 2 og 3, ændres »tand-, mund-« til: »tand- og mund-«.")
        #expect(act.instructions[0].operations[0].summary == "replace »tand-, mund-« with »tand- og mund-« in § 16, stk. 1, nr. 2 og 3")
        #expect(applied.isFullyApplied)
        let items = try #require(applied.body.section("16")?.stk("1")).children.filter { $0.kind == .item }
        #expect(items[1].displayText == "Undersøgelser af tand- og mund- og kæberegionens sundhedstilstand.")
        #expect(
            items[2].displayText.hasPrefix("Behandling af læsioner, sygdomme og funktionsforstyrrelser i tand- og mund- og kæberegionen,"))
        #expect(applied.outcomes[0].changes.map(\.description) == ["§ 16, stk. 1, nr. 2 (amended)", "§ 16, stk. 1, nr. 3 (amended)"])
    }

    @Test func insertItemAtANumberAndBeforeAnItem() throws {
        let (_, applied) = try run(
            """
            1. I § 16, stk. 1, indsættes som nr. 4:
            »4) Tandpleje i eget hjem.«
            2. I § 2, stk. 1, indsættes før nr. 1 som nyt nummer:
            »1) Screening af alle børn ved 3 års alderen.«
            Nr. 1-4 bliver herefter nr. 2-5.
            """)
        #expect(applied.isFullyApplied, "\(applied.outcomes)")
        #expect(applied.body.section("16")?.stk("1")?.itemNumbers == ["1", "2", "3", "4"])
        let two = try #require(applied.body.section("2")?.stk("1"))
        #expect(two.itemNumbers == ["1", "2", "3", "4", "5"])
        #expect(two.children.first { $0.kind == .item }?.displayText == "Screening af alle børn ved 3 års alderen.")
        #expect(two.children.filter { $0.kind == .item }[1].displayText.hasPrefix("Generel forebyggelse og sundhedsfremme"))
    }

    @Test func renumberItemsNamedInAList() throws {
        let (act, applied) = try run(
            """
            1. I § 2, stk. 1, indsættes efter nr. 2 som nyt nummer:
            »3) Undersøgelse for tandskader ved sport.«
            Nr. 3 og 4 bliver herefter nr. 4 og 5.
            """)
        #expect(
            act.instructions[0].operations.map(\.summary) == [
                "insert after § 2, stk. 1, nr. 2: nr. 3", "renumber § 2, stk. 1, nr. 3 og 4 → nr. 4 og 5",
            ])
        #expect(applied.isFullyApplied)
        let items = try #require(applied.body.section("2")?.stk("1")).children.filter { $0.kind == .item }
        #expect(items.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(items.map(\.label) == ["1)", "2)", "3)", "4)", "5)"])
        #expect(items[2].displayText == "Undersøgelse for tandskader ved sport.")
        #expect(items[3].displayText.hasPrefix("Individuel forebyggelse"))
        #expect(
            applied.outcomes[0].changes.map(\.description) == [
                "§ 2, stk. 1, nr. 3 (inserted)", "§ 2, stk. 1, nr. 3 → § 2, stk. 1, nr. 4 (renumbered)",
                "§ 2, stk. 1, nr. 4 → § 2, stk. 1, nr. 5 (renumbered)",
            ])
    }

    @Test func insertSentenceAfterASentence() throws {
        let (act, applied) = try run("1. I § 15, stk. 1, indsættes efter 1. pkt. som nyt punktum: »Beløbet reguleres årligt.«")
        #expect(act.instructions[0].operations[0].summary == "insert after § 15, stk. 1, 1. pkt.: 1 sentence")
        let sentences = try #require(applied.body.section("15")?.stk("1")?.sentences)
        #expect(sentences.count == 5)
        #expect(sentences[1] == "Beløbet reguleres årligt.")
        #expect(sentences[2].hasPrefix("Patientens egenbetaling i specialtandplejen"))
    }

    @Test func repealAndInsertInPlace() throws {
        let (act, applied) = try run(
            "1. § 22, stk. 2, ophæves, og i stedet indsættes:\n»Stk. 2. Regionen betaler for rådgivning og behandling.«")
        #expect(act.instructions[0].operations[0].summary == "repeal § 22, stk. 2 and insert in place: stk. 2")
        #expect(applied.body.section("22")?.stk("2")?.sentences == ["Regionen betaler for rådgivning og behandling."])
        #expect(applied.outcomes[0].changes.map(\.description) == ["§ 22, stk. 2 (repealed)", "§ 22, stk. 2 (inserted)"])
    }

    @Test func rewriteAStkAndRepealASentence() throws {
        let (_, applied) = try run(
            """
            1. § 15, stk. 2, affattes således:
            »Stk. 2. Børn og unge under 18 år kan ikke afkræves betaling.«
            2. I § 15, stk. 1, ophæves 4. pkt.
            """)
        #expect(applied.isFullyApplied, "\(applied.outcomes)")
        #expect(applied.body.section("15")?.stk("2")?.sentences == ["Børn og unge under 18 år kan ikke afkræves betaling."])
        #expect(applied.body.section("15")?.stk("1")?.sentences.count == 3)
        #expect(applied.outcomes[1].changes.map(\.description) == ["§ 15, stk. 1, 4. pkt. (repealed)"])
    }

    @Test func insertAChapterAndRenumberASection() throws {
        let (act, applied) = try run(
            """
            1. Efter kapitel 4 indsættes:
            »Kapitel 4 a
            Tandpleje til indsatte
            § 19 a. Kriminalforsorgen tilbyder indsatte tandpleje.«
            2. § 38 bliver herefter § 39.
            """)
        #expect(
            act.instructions.map { $0.operations.map(\.summary) } == [
                ["insert after kapitel 4: kapitel 4 a"], ["renumber § 38 → § 39"],
            ])
        #expect(applied.isFullyApplied, "\(applied.outcomes)")
        let kinds = applied.body.map { "\($0.kind.rawValue) \($0.number ?? "")" }
        let at = try #require(kinds.firstIndex(of: "chapter 4 a"))
        #expect(kinds[(at - 1)...(at + 2)] == ["section 19", "chapter 4 a", "section 19 a", "chapter 5"])
        #expect(applied.body.chapter("4 a")?.title == "Tandpleje til indsatte")
        #expect(applied.body.section("39")?.stk("1")?.sentences == ["Bekendtgørelsen træder i kraft den 1. juli 2020."])
        #expect(applied.body.section("38") == nil)
    }

    @Test func aSingleChangeWithoutNumbers() throws {
        let text = """
            Bekendtgørelse om ændring af bekendtgørelse om tandpleje
            § 1. I bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje, § 10, stk. 1, ændres »540 kr.« til: »560 kr.«
            § 2. Bekendtgørelsen træder i kraft den 1. januar 2021.
            """
        let act = AmendmentReader.read(text: text).act
        #expect(act.amendments.count == 1)
        let instruction = try #require(act.amendments.first?.instructions.first)
        #expect(instruction.number == "")
        #expect(instruction.operations.map(\.summary) == ["replace »540 kr.« with »560 kr.« in § 10, stk. 1"])
        let applied = AmendmentApplier.apply(act.amendments[0], to: try Tandpleje2020.parsed())
        #expect(applied.body.section("10")?.stk("1")?.sentences[1].contains("560 kr. årligt") == true)
    }

    @Test func instructionsOnOneLine() throws {
        let text =
            "§ 1. I bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje foretages følgende ændringer: "
            + "1. I § 10, stk. 1, ændres »540 kr.« til: »560 kr.« 2. I § 15, stk. 1, ændres »2.010 kr.« til: »2.080 kr.« "
            + "3. § 22 ophæves. § 2. Bekendtgørelsen træder i kraft den 1. januar 2021."
        let act = AmendmentReader.read(text: text).act
        #expect(act.instructions.map(\.number) == ["1", "2", "3"])
        #expect(act.instructions.map { $0.operations.map(\.kind) } == [[.replaceWords], [.replaceWords], [.repeal]])
        #expect(act.ownProvisions.first?.inForceDate?.description == "2021-01-01")
    }
}
