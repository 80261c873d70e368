import Foundation
import Testing

@testable import Paragraf

/// Quoted text (an amending act's new provisions) holds no structure of the text being parsed.
@Suite("Parser on quoted text")
struct QuotationTests {
    func subsections(_ text: String) -> [String] {
        RegulationParser.parse(text: text).document.root.all(.subsection).map(\.id.description)
    }

    @Test func aBlockQuotationIsTextOfTheOpenStk() throws {
        let text = """
            § 1
            I lov om hold af dyr foretages følgende ændringer:
            1. Efter § 53 indsættes:
            »§ 53 a. Ejere betaler 529 kr.
            Stk. 2. Beløbet reguleres.
            Stk. 3. Ministeren kan fastsætte regler.«
            2. I § 66 indsættes efter stk. 2 som nyt stykke:
            »Stk. 3. Ministeren kan delegere.«
            Stk. 3-6 bliver herefter stk. 4-7.
            § 2
            Loven træder i kraft den 1. januar 2024.
            """
        let parsed = RegulationParser.parse(text: text)
        #expect(parsed.document.sections.map(\.id) == ["p1", "p2"])
        #expect(subsections(text) == ["p1/stk1", "p2/stk1"])
        let stk = try #require(parsed.document.sections.first?.children.first)
        #expect(stk.plainText.contains("»Stk. 3. Ministeren kan delegere.« Stk. 3-6 bliver herefter stk. 4-7."))
        #expect(TestSupport.atomViolation(parsed) == nil)
    }

    @Test func quotationsNestAndInlineOnesHideMidLineHeadings() {
        let nested = "§ 1. Tekst.\n»§ 9. Dyregrupperne »hest« og »kæledyr«.\nStk. 2. Mere.«\nStk. 2. Egen stk.\n"
        #expect(subsections(nested) == ["p1/stk1", "p1/stk2"])
        let inline = "§ 1. I § 5 indsættes: »Stk. 2. Ny tekst.« Stk. 2. Egen tekst.\n"
        #expect(subsections(inline) == ["p1/stk1", "p1/stk2"])
        #expect(RegulationParser.parse(text: inline).document.root.all(.subsection).last?.plainText == "Egen tekst.")
    }

    @Test func anUnclosedQuotationEndsAtTheNextInstructionOrSection() {
        let text =
            "§ 1\nI lov om x foretages følgende ændringer:\n1. Efter § 5 indsættes:\n»§ 5 a. Tekst.\nStk. 2. Mere.\n§ 2\nStk. 1. Loven træder i kraft.\nStk. 2. Den gælder ikke for Grønland.\n"
        #expect(RegulationParser.parse(text: text).document.sections.map(\.id) == ["p1", "p2"])
        #expect(subsections(text) == ["p1/stk1", "p2/stk1", "p2/stk2"])
    }

    @Test func textsWithoutQuotationsAreReadAsBefore() throws {
        // "Stk. 2-4. (Udelades)" stays a heading where nothing is quoted.
        #expect(subsections("§ 12. Loven træder i kraft.\nStk. 2-4. (Udelades)\n") == ["p12/stk1", "p12/stk2"])
    }
}
