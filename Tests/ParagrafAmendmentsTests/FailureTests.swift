import Foundation
import ParagrafAmendments
import Testing

/// Instructions that cannot be read or applied: each is reported with a code, a position and both texts, and
/// the others still apply.
@Suite("Failures")
struct FailureTests {
    func run(_ instructions: String) throws -> (ReadAmendingAct, AppliedAct) {
        let read = AmendmentReader.read(text: OperationFormTests.order(instructions), sourceName: "order.txt")
        let amendment = try #require(read.act.amendments.first)
        return (read, AmendmentApplier.apply(amendment, to: try Tandpleje2020.parsed()))
    }

    @Test func aSectionThatDoesNotExist() throws {
        let (read, applied) = try run("1. I § 99 ændres »a« til: »b«.\n2. I § 10, stk. 1, ændres »540 kr.« til: »560 kr.«")
        let failed = try #require(applied.outcomes.first?.operations.first)
        #expect(applied.outcomes.map(\.status) == [.failed, .applied])
        #expect(failed.status == .failed)
        #expect(failed.message == "§ 99 does not exist in the act (it has §§ 1-38)")
        #expect(failed.expected == "§ 99" && failed.found == "§§ 1-38")
        #expect(failed.diagnostics.map(\.code) == ["A020"])
        #expect(failed.diagnostics.first.map { read.source.locations.location(of: $0.range.start).line } == 4)
        #expect(!applied.isFullyApplied)
    }

    @Test func aStkThatDoesNotExist() throws {
        let (_, applied) = try run("1. I § 10, stk. 9, ændres »a« til: »b«.")
        let failed = try #require(applied.outcomes.first?.operations.first)
        #expect(failed.message == "§ 10 has no stk. 9 (it has stk. 1-3)")
        #expect(failed.found?.hasPrefix("Kommunalbestyrelsen kan beslutte, at personer, der modtager omsorgstandpleje") == true)
    }

    @Test func wordsThatDoNotOccur() throws {
        let (_, applied) = try run("1. I § 10, stk. 1, ændres »999 kr.« til: »1 kr.«")
        let failed = try #require(applied.outcomes.first?.operations.first)
        #expect(failed.diagnostics.map(\.code) == ["A021"])
        #expect(failed.expected == "999 kr.")
        #expect(failed.message == "»999 kr.« does not occur in § 10, stk. 1")
        #expect(failed.found?.contains("540 kr. årligt") == true)
        // Nothing changed.
        #expect(
            applied.body.section("10") == Provision(try #require(try Tandpleje2020.parsed().document.sections.first { $0.number == "10" })))
    }

    @Test func wordsThatOccurMoreOftenThanStated() throws {
        let (_, applied) = try run("1. I § 14, stk. 2, ændres »regionsrådet« til: »regionen«.")
        let failed = try #require(applied.outcomes.first?.operations.first)
        #expect(failed.diagnostics.map(\.code) == ["A022"])
        #expect(failed.message == "»regionsrådet« occurs 2 times in § 14, stk. 2; the instruction says once")
        #expect(failed.found?.hasPrefix("Vælger kommunalbestyrelsen at overlade udførelsen af opgaven til regionsrådet") == true)
    }

    @Test func wordsInsideLongerWordsDoNotCount() throws {
        // "amt" is not in "samt"; "883 kr." is not in "1.883 kr.".
        let (_, applied) = try run("1. I § 2, stk. 1, nr. 3, ændres »amt« til: »region«.")
        #expect(applied.outcomes.first?.operations.first?.diagnostics.map(\.code) == ["A021"])
    }

    @Test func aNumberThatIsTaken() throws {
        let (_, applied) = try run("1. Efter § 19 indsættes:\n»§ 20. Ny bestemmelse.«")
        let failed = try #require(applied.outcomes.first?.operations.first)
        #expect(failed.diagnostics.map(\.code) == ["A023"])
        #expect(failed.message == "§ 20 already exists in the act")
    }

    @Test func aRenumberingThatDoesNotFit() throws {
        let (_, applied) = try run(
            """
            1. I § 10 indsættes efter stk. 1 som nyt stykke:
            »Stk. 2. Ny.«
            Stk. 2-5 bliver herefter stk. 3-7.
            2. I § 15 indsættes efter stk. 1 som nyt stykke:
            »Stk. 2. Ny.«
            Stk. 2 og 4 bliver herefter stk. 3 og 5.
            """)
        let first = applied.outcomes[0].operations[1]
        #expect(first.diagnostics.map(\.code) == ["A023"])
        #expect(first.message == "the renumbering pairs 4 numbers with 5: 2, 3, 4, 5 → 3, 4, 5, 6, 7")
        let second = applied.outcomes[1].operations[1]
        #expect(second.message == "§ 15 has no stk. 4 to renumber stk. 5 (it has stk. 1-3)")
        // The insertions happened; the act now has two stk. 2 in each: reported for the instruction.
        #expect(applied.outcomes.map(\.status) == [.partlyApplied, .partlyApplied])
        #expect(
            applied.outcomes[0].diagnostics.first?.message
                == "after instruction 1 the act has two of § 10, stk. 2; a renumbering may be missing")
    }

    @Test func becomesThatDoesNotHold() throws {
        let (_, applied) = try run("1. I § 10, stk. 3, som bliver stk. 5, indsættes som 2. pkt.:\n»Ny sætning.«")
        let outcome = try #require(applied.outcomes.first?.operations.first)
        #expect(outcome.status == .applied)
        #expect(outcome.diagnostics.map(\.code) == ["A024"])
        #expect(
            outcome.diagnostics.first?.message
                == "§ 10, stk. 3 is stk. 3 after the earlier instructions, not stk. 5 as the instruction says")
    }

    @Test func anUnreadInstructionStaysInTheList() throws {
        let (read, applied) = try run(
            """
            1. Bestemmelsen i § 3 skal forstås bredt.
            2. I § 10, stk. 1, ændres »540 kr.« til: »560 kr.«, og noget helt andet sker.
            3. Efter § 5 indsættes:
            4. § 22 ophæves.
            """)
        let instructions = read.act.instructions
        #expect(instructions.map(\.status) == [.unread, .partlyRead, .unread, .read])
        #expect(instructions[0].text == "Bestemmelsen i § 3 skal forstås bredt.")
        #expect(instructions[0].diagnostics.map(\.code) == ["A003"])
        #expect(
            instructions[0].diagnostics.first?.message == "instruction 1 in § 1 could not be read: “Bestemmelsen i § 3 skal forstås bredt.”"
        )
        #expect(instructions[1].diagnostics.map(\.code) == ["A004"])
        #expect(instructions[1].diagnostics.first?.message == "part of instruction 2 in § 1 could not be read: “noget helt andet sker.”")
        #expect(instructions[2].diagnostics.map(\.code) == ["A007", "A003"])
        #expect(applied.outcomes.map(\.status) == [.unread, .partlyApplied, .unread, .applied])
        #expect(applied.outcomes[0].diagnostics.map(\.code) == ["A025"])
        #expect(applied.body.section("22")?.isRepealed == true)
        let list = AmendmentListFormatter().format(read.act)
        #expect(list.contains("  1. unread: “Bestemmelsen i § 3 skal forstås bredt.”"))
    }

    @Test func anUnclosedQuotationEndsAtTheNextInstruction() throws {
        let (read, applied) = try run(
            """
            1. I § 10, stk. 1, ændres »540 kr. til: »560 kr.«
            2. § 22 ophæves.
            3. I § 15, stk. 1, ændres 2.010 kr.« til: »2.080 kr.«
            """)
        let instructions = read.act.instructions
        #expect(instructions.map(\.number) == ["1", "2", "3"])
        #expect(instructions[0].diagnostics.map(\.code).contains("A005"))
        #expect(
            instructions[0].diagnostics.first { $0.code == "A005" }.map { read.source.locations.location(of: $0.range.start).column } == 29)
        #expect(instructions[2].diagnostics.map(\.code).contains("A006"))
        #expect(instructions[1].status == .read)
        #expect(applied.outcomes[1].status == .applied)
    }

    @Test func htmlIsRefusedWithAReason() {
        let read = AmendmentReader.read(
            text: "<html><body><p>§ 1. I lov om x foretages følgende ændring:</p></body></html>", sourceName: "page.html")
        #expect(read.act.diagnostics.map(\.code) == ["A013"])
        #expect(read.act.amendments.isEmpty)
    }

    @Test func textThatAmendsNothing() {
        let read = AmendmentReader.read(text: "Bekendtgørelse om noget\n§ 1. Kommunen skal tilbyde tandpleje.\n", sourceName: "x.txt")
        #expect(read.act.amendments.isEmpty)
        #expect(read.act.diagnostics.map(\.code) == ["A002"])
        #expect(read.act.ownProvisions.map(\.section) == ["1"])
        #expect(throws: AmendmentSelectionError.self) { try read.act.amendment(for: nil) }
    }
}
