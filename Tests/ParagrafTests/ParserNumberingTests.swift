import Foundation
import Testing

@testable import Paragraf

/// How the parser uses a document's own numbering to tell a § heading from a wrapped citation, and what it
/// says when the numbering jumps, repeats or goes back (issue 14, items 1 and 2). The lines are from
/// Retsinformation documents (the § lines shortened to their first sentence).
@Suite("Headings by the document's numbering (issue 14)")
struct ParserNumberingTests {
    func parse(_ lines: [String]) -> Document {
        RegulationParser.parse(text: lines.joined(separator: "\n")).document
    }

    func numbers(_ document: Document) -> [String] { document.sections.compactMap(\.number) }

    func messages(_ document: Document, _ code: String) -> [String] {
        document.diagnostics.filter { $0.code == code }.map(\.message)
    }

    @Test func aSectionThatContinuesTheNumberingOpensAfterAnyLineEnding() {
        let document = parse([
            "Bekendtgørelse om hold af svin på friland",
            "§ 6. Skiltene rekvireres hos Danish Meat Association, Axelborg, Axeltorv 3, København V.",
            "§ 7. Fodring af svin på friland skal tilrettelægges sådan, at risikoen begrænses mest muligt.",
            "§ 8. Bisidderen er omfattet af straffelovens § 152 om tavshedspligt",
            "§ 9. Bekendtgørelsen træder i kraft den 1. januar 2009.",
        ])
        #expect(numbers(document) == ["6", "7", "8", "9"])
        #expect(messages(document, DiagnosticCode.sectionOrder).isEmpty)
    }

    @Test func aWrappedCitationAtALineStartIsNoHeading() {
        let document = parse([
            "§ 1. Kommunen skal tilbyde tandpleje efter reglerne i",
            "§ 2. Det gælder også unge.",
            "§ 2. Regionen betaler, jf.",
            "§ 3. Dette gælder dog ikke, jf. dog",
            "§ 4 og 5 finder tilsvarende anvendelse.",
            "§ 3. Kommunen fører tilsyn.",
        ])
        #expect(numbers(document) == ["1", "2", "3"])
        #expect(
            document.nodeTable().node("p1/stk1")?.plainText == "Kommunen skal tilbyde tandpleje efter reglerne i § 2. Det gælder også unge."
        )
    }

    /// "og" at a line end leads into a wrapped citation after a number ("efter § 3 og ⏎ § 4. …"), not after
    /// prose: there a list lost its last item, and the next § opens (LBK 363/2013, LOV 102/2011).
    @Test func aConjunctionAfterProseEndsTheProvision() {
        let document = parse([
            "§ 1. Ministeren fastsætter regler, som er nødvendige i henhold til EU-retten, og",
            "§ 2. Sikkerhedsstyrelsen har adgang til virksomhederne.",
            "§ 3. Tilsynet sker efter § 1 og",
            "§ 2. Loven gælder også for Grønland.",
            "§ 4. Loven træder i kraft den 1. juli 2011.",
        ])
        #expect(numbers(document) == ["1", "2", "3", "4"])
        #expect(document.nodeTable().node("p3/stk1")?.plainText == "Tilsynet sker efter § 1 og § 2. Loven gælder også for Grønland.")
    }

    /// A § quoted by an amending instruction after its colon, mid-line and without quotation marks, is the
    /// amended act's § (LBK 1578/2015 § 3, LOV 308/2008 § 17).
    @Test func aSectionAfterAnInstructionsColonIsQuoted() {
        let document = parse([
            "§ 16. I lov nr. 450 af 31. maj 2000 foretages følgende ændringer: 1 Efter § 17 indsættes i kapitel 5: "
                + "§ 17 a. Ministeren kan fastsætte regler om offentliggørelse.",
            "§ 17. Loven gælder ikke for Færøerne og Grønland. Stk. 2. Der gælder følgende: § 18. Loven træder i kraft.",
        ])
        #expect(numbers(document) == ["16", "17", "18"])
        #expect(
            document.nodeTable().node("p16/stk1")?.plainText.hasSuffix(
                "indsættes i kapitel 5: § 17 a. Ministeren kan fastsætte regler om offentliggørelse.") == true)
    }

    @Test func lettersInEitherCaseAndLettersThatAreWords() {
        let document = parse([
            "Bekendtgørelse af lov om finansiel virksomhed",
            "§ 343 h. § 61 finder tilsvarende anvendelse for investeringsrådgivere.",
            "§ 343 i. § 64, stk. 1-3, finder tilsvarende anvendelse for investeringsrådgivere.",
            "§ 343 j. En investeringsrådgiver skal organisere virksomheden.",
            "§ 344. Finanstilsynet påser overholdelsen.",
            "§ 344 A. (Ophævet)",
            "§ 344 B. Beløb, som Garantifonden udbetaler, medregnes ikke.",
            "§ 344 C. § 5 finder anvendelse i § 4 i lov om skat.",
        ])
        #expect(numbers(document) == ["343 h", "343 i", "343 j", "344", "344 a", "344 b", "344 c"])
        #expect(document.sections.map(\.id).suffix(3) == ["p344a", "p344b", "p344c"])
        #expect(document.sections.map(\.label).suffix(2) == ["§ 344 B.", "§ 344 C."])
    }

    @Test func theDanishAlphabetOrdersTheLetters() {
        let document = parse([
            "§ 9 z. Ministeren fastsætter regler.",
            "§ 9 æ. Ministeren fastsætter regler om registre.",
            "§ 9 ø. Ministeren kan henlægge kompetencen.",
            "§ 9 å. Ministeren kan meddele påbud.",
        ])
        #expect(numbers(document) == ["9 z", "9 æ", "9 ø", "9 å"])
        #expect(messages(document, DiagnosticCode.sectionOrder).isEmpty)
    }

    @Test func aCapitalTheNumberingWantsIsItsLetter() {
        let document = parse([
            "§ 5 C. Anskaffelsessummen afskrives på en særskilt saldo.",
            "§ 5 D Den skattepligtige kan i stedet for at afskrive efter § 5 vælge at afskrive udgifterne.",
            "§ 6 Bekendtgørelsen træder i kraft den 1. juli 2008.",
        ])
        #expect(numbers(document) == ["5 c", "5 d", "6"])
    }

    @Test func numberingDiagnosticsSayWhatHappened() throws {
        let parsed = RegulationParser.parse(
            text: [
                "§ 1. Loven gælder for hele landet.",
                "§ 2. Ministeren fastsætter regler.",
                "§ 5. Loven træder i kraft den 1. januar 2020.",
                "§ 5. Loven gælder ikke for Færøerne og Grønland.",
                "§ 3. Loven træder i kraft den 1. juli 2021.",
            ].joined(separator: "\n"))
        let document = parsed.document
        #expect(numbers(document) == ["1", "2", "5", "5", "3"])
        #expect(
            messages(document, DiagnosticCode.sectionOrder) == [
                "section § 5 skips numbers after § 2",
                "section § 5 repeats the number of the section before it",
                "section § 3 goes back after § 5",
            ])
        let locations = parsed.source.locations
        let lines = document.diagnostics.filter { $0.code == DiagnosticCode.sectionOrder }
            .map { locations.location(of: $0.range.start).line }
        #expect(lines == [3, 4, 5])
    }

    @Test func inForceSectionsOfAmendingActsAtTheEndOfAConsolidatedAct() {
        let document = parse([
            "Kapitel 10",
            "§ 56. Loven træder i kraft den 1. januar 1997.",
            "§ 57. Loven gælder ikke for Færøerne og Grønland.",
            "§ 24 Loven træder i kraft den 1. februar 2017. Stk. 2. (Udelades)",
            "§ 6. Loven træder i kraft den 1. januar 2007, jf. dog stk. 2. Stk. 2. (Udelades)",
            "§§ 16-19. (Udelades)",
        ])
        #expect(numbers(document) == ["56", "57", "24", "6", "16-19", "17", "18", "19"])
        #expect(document.nodeTable().node("p24/stk2")?.label == "Stk. 2.")
    }

    @Test func amendingActsQuoteSectionsAfterAbbreviationsAndResidue() {
        let document = parse([
            "Lov om ændring af årsregnskabsloven",
            "§ 49. Undtagelsen finder ikke anvendelse for virksomheder omfattet af regnskabsklasse C.",
            "§ 99 a. Store virksomheder skal supplere ledelsesberetningen.",
            "§ 5. Investeringsforvaltning af UCITS. Align",
            "§ 65 a. Miljøministeren kan gøre undtagelse fra bestemmelserne i §§ 8 og 15.",
            "§ 15 a. § 15, stk. 1-3, finder ikke anvendelse i en naturnationalpark.",
        ])
        #expect(numbers(document) == ["49", "99 a", "5", "65 a", "15 a"])
    }

    @Test func chaptersThatGoBackOpenWhenAHeadingLineAndASectionFollow() {
        let document = parse([
            "Lov om ændring af lov om aktiv socialpolitik",
            "Kapitel 5",
            "§ 25 a. Kommunalbestyrelsen skal oprette et rehabiliteringsteam.",
            "Kapitel 3",
            "§ 12. Kommunen yder hjælp.",
            "Kapitel 2 finder tilsvarende anvendelse på disse personer.",
        ])
        #expect(document.chapters.map(\.number) == ["5", "3"])
        #expect(document.chapters.last.map { $0.children.compactMap(\.number) } == ["12"])
        #expect(messages(document, DiagnosticCode.chapterOrder) == ["the first chapter is Kapitel 5", "Kapitel 3 follows Kapitel 5"])
    }

    @Test func aMidLineSubsectionAfterAnAbbreviationOrAWordOpens() {
        let document = parse([
            "§ 15. Ankenævnets adresse er: Ved Stranden 8, 1061 København K. Stk. 2. Klagen indgives skriftligt.",
            "§ 16. Støtte ydes til bevaringsråd og deres administration af støttemidler Stk. 2. Op til 20% af beløbet.",
            "§ 17. Klagen sendes, jf. Stk. 2. Det gælder ikke, når »Stk. 2. Ministeren …« er ændret.",
        ])
        let index = document.nodeTable()
        #expect(index.node("p15")?.children.map(\.id) == ["p15/stk1", "p15/stk2"])
        #expect(index.node("p16")?.children.map(\.id) == ["p16/stk1", "p16/stk2"])
        #expect(index.node("p17")?.children.map(\.id) == ["p17/stk1"])
    }
}
