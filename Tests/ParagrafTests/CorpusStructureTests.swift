import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

@Suite("2003 version (amt era) parsed structure")
struct Structure2003Tests {
    let parsed: ParsedDocument
    var document: Document { parsed.document }

    init() throws { parsed = try TestSupport.parse(TestSupport.v2003) }

    @Test func chapters() {
        let chapters = document.chapters.map { "\($0.number!) \($0.title!)" }
        #expect(
            chapters == [
                "1 Kommunal børne- og ungdomstandpleje",
                "2 Kommunal omsorgstandpleje",
                "3 Økonomisk støtte til tandproteser ved ulykkesbetingede tandskader",
                "4 Amtstandpleje",
                "5 Amtsspecialtandpleje",
                "6 Odontologisk landsdels- og videnscenterfunktion",
                "7 Tilskud til kræftpatienter, der har modtaget strålebehandling eller kemoterapi samt til patienter med Sjøgrens Syndrom",
                "8 Koordination",
                "9 Finansiering, administration og ikrafttræden",
            ])
    }

    @Test func sectionsAndTheirSubsections() {
        let counts = document.sections.map { "\($0.number!):\($0.children(.subsection).count)" }
        let expected = [
            1: 8, 2: 3, 3: 6, 4: 6, 5: 3, 6: 2, 7: 4, 8: 3, 9: 3, 10: 2, 11: 3, 12: 5, 13: 3, 14: 3, 15: 2, 16: 2, 17: 5,
            18: 2, 19: 4, 20: 3, 21: 1, 22: 7, 23: 7, 24: 7, 25: 5, 26: 4, 27: 1, 28: 1, 29: 1, 30: 1, 31: 1, 32: 1, 33: 2,
        ].sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
        #expect(counts == expected)
        #expect(document.sections.count == 33)
        #expect(document.root.all(.subsection).count == 111)
    }

    @Test func sectionsSitInTheirChapters() {
        let index = document.nodeTable()
        #expect(index.parent(of: "p1")?.id == "kap1")
        #expect(index.parent(of: "p12")?.id == "kap3")
        #expect(index.parent(of: "p17")?.id == "kap5")
        #expect(index.parent(of: "p22")?.id == "kap7")
        #expect(index.parent(of: "p33")?.id == "kap9")
        #expect(index.place(of: "p17/stk3") == "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3")
    }

    @Test func items() {
        let lists = Dictionary(grouping: document.root.all(.item), by: { $0.id.parent!.description })
            .mapValues { $0.map { $0.number! } }
        #expect(
            lists == [
                "p2/stk1": ["1", "2", "3", "4"], "p11/stk1": ["1", "2", "3"], "p16/stk1": ["1", "2", "3"],
                "p19/stk1": ["1", "2", "3", "4"], "p21/stk1": ["1", "2", "3", "4", "5"], "p25/stk3": ["1", "2", "3"],
                "p26/stk3": ["1", "2"],
            ])
    }

    @Test func metadata() {
        let m = document.metadata
        #expect(m.title == "Bekendtgørelse om tandpleje")
        #expect(m.documentType == .bekendtgoerelse)
        #expect(m.legalBasisAct == "lov om tandpleje m.v.")
        #expect(
            m.legalBasis?.hasPrefix("I medfør af § 4 a, stk. 2, § 5, § 6 d, stk. 3, § 6 e og § 11, stk. 2 i lov om tandpleje m.v.") == true)
        #expect(m.ministry == "Indenrigs- og Sundhedsministeriet")
        #expect(m.signingDate == LegalDate(year: 2003, month: 12, day: 11))
        #expect(m.signers == ["Lars Løkke Rasmussen", "Ulla Kallestrup"])
        #expect(m.inForceDate == LegalDate(year: 2004, month: 1, day: 1))
        #expect(m.repeals.count == 1)
        #expect(m.repeals.first?.type == .bekendtgoerelse)
        #expect(m.repeals.first?.number == "205")
        #expect(m.repeals.first?.date == LegalDate(year: 2001, month: 3, day: 22))
    }

    @Test func section17Subsection3HasTwoSentences() throws {
        let stk3 = try #require(document.nodeTable().node("p17/stk3"))
        let sentences = stk3.children(.sentence).compactMap(\.text)
        #expect(sentences.count == 2)
        #expect(
            sentences.first
                == "Amtsrådet skal til børn og unge, der er omfattet af stk. 1, tilbyde vederlagsfri specialbehandling efter det fyldte 18. år, indtil fysisk modenhed hos den enkelte muliggør, at den pågældende behandling kan færdiggøres."
        )
        #expect(
            sentences.last
                == "Amtsrådet kan beslutte at indgå aftale med praktiserende tandlæger eller den kommunale tandpleje om varetagelse af opgaver, der kan løses af disse."
        )
        #expect(stk3.label == "Stk.3.")
    }

    @Test func citationEndingASentenceSplitsIt() throws {
        let stk2 = try #require(document.nodeTable().node("p1/stk2"))
        let sentences = stk2.children(.sentence).compactMap(\.text)
        #expect(
            sentences == [
                "Kommunalbestyrelsen er endvidere ansvarlig for færdiggørelse af påbegyndte behandlinger ud over det fyldte 18. år, jf. dog § 17, stk. 3.",
                "I tilfælde af flytning mellem kommuner påhviler ansvaret for færdiggørelse den nye bopælskommune.",
            ])
    }

    @Test func chapterTitleSharingTheLineWithTheFirstSection() throws {
        let kap1 = try #require(document.chapters.first)
        #expect(kap1.label == "Kapitel 1")
        #expect(kap1.children.first?.id == "p1")
        #expect(kap1.children.first?.label == "§ 1.")
    }

    @Test func annexAndSignature() throws {
        let annex = try #require(document.annexes.first)
        #expect(annex.id == "bilag1")
        #expect(annex.title == "Regler for ortodontivisitation og ortodontiindikationer")
        #expect(annex.children.allSatisfy { $0.kind == .block })
        // "(1) Caries …" and "1)" footnotes in the annex are text, not items.
        #expect(annex.all(.item).isEmpty)
        #expect(document.root.all(.signature).count == 1)
    }

    @Test func everyNonWhitespaceByteInExactlyOneAtom() {
        #expect(TestSupport.atomViolation(parsed) == nil)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func goldenOutline() throws {
        try Golden.expect(OutlineFormatter().format(parsed), "fixtures/golden/2003.outline.txt")
    }
}

@Suite("2020 version (region era) parsed structure")
struct Structure2020Tests {
    let parsed: ParsedDocument
    var document: Document { parsed.document }

    init() throws { parsed = try TestSupport.parse(TestSupport.v2020) }

    @Test func chapters() {
        let chapters = document.chapters.map { "\($0.number!) \($0.title!)" }
        #expect(
            chapters == [
                "1 Børne- og ungdomstandpleje", "2 Omsorgstandpleje", "3 Specialtandpleje", "4 Socialtandpleje",
                "5 Økonomisk støtte til tandproteser ved ulykkesbetingede tandskader og tandskader som følge af epileptiske anfald",
                "6 Regionstandpleje", "7 Odontologisk landsdels- og videnscenterfunktion",
                "8 Tilskud til kræftpatienter, der har modtaget strålebehandling eller kemoterapi, patienter med Sjøgrens Syndrom samt til patienter med medfødte sjældne sygdomme",
                "9 Koordination", "10 Egenbetaling, ikrafttræden m.v.",
            ])
    }

    @Test func sectionsAndTheirSubsections() {
        let counts = document.sections.map { "\($0.number!):\($0.children(.subsection).count)" }
        let expected = [
            1: 9, 2: 4, 3: 6, 4: 6, 5: 3, 6: 2, 7: 4, 8: 3, 9: 2, 10: 3, 11: 3, 12: 1, 13: 4, 14: 7, 15: 3, 16: 2, 17: 3,
            18: 3, 19: 3, 20: 3, 21: 5, 22: 2, 23: 4, 24: 3, 25: 1, 26: 7, 27: 7, 28: 7, 29: 7, 30: 9, 31: 4, 32: 1, 33: 1,
            34: 1, 35: 1, 36: 1, 37: 4, 38: 2,
        ].sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
        #expect(counts == expected)
        #expect(document.root.all(.subsection).count == 141)
    }

    @Test func items() {
        let lists = Dictionary(grouping: document.root.all(.item), by: { $0.id.parent!.description })
            .mapValues(\.count)
        #expect(
            lists == [
                "p2/stk1": 4, "p11/stk1": 3, "p14/stk6": 4, "p14/stk7": 5, "p16/stk1": 3, "p19/stk1": 2, "p20/stk2": 4,
                "p23/stk1": 4, "p25/stk1": 6, "p30/stk7": 4, "p31/stk3": 2,
            ])
    }

    @Test func itemContinuationLinesStayInTheItem() throws {
        let item = try #require(document.nodeTable().node("p14/stk7/nr2"))
        #expect(
            item.children.compactMap(\.text) == [
                "Oplysninger om det samlede antal ydelser og tilbud, som regionsrådet stiller til rådighed for kommunalbestyrelsen.",
                "Oplysningerne skal specificeres på antal pladser inden for de enkelte patientkategorier, herunder antal patienter i generel anæstesi.",
            ])
    }

    @Test func metadata() {
        let m = document.metadata
        #expect(m.title == "Bekendtgørelse om tandpleje")
        #expect(m.legalBasisAct == "sundhedsloven")
        #expect(m.ministry == "Sundheds- og Ældreministeriet")
        #expect(m.signingDate?.description == "2020-06-30")
        #expect(m.signers == ["Magnus Heunicke", "Louise Filt"])
        #expect(m.inForceDate?.description == "2020-07-01")
        #expect(m.repeals.map(\.text) == ["Bekendtgørelse nr. 1658 af 22. december 2017"])
        #expect(m.repeals.first?.date?.description == "2017-12-22")
    }

    @Test func basicAmountSentenceKeepsItsParenthesis() throws {
        let stk1 = try #require(document.nodeTable().node("p10/stk1"))
        let sentences = stk1.children(.sentence).compactMap(\.text)
        #expect(sentences.count == 3)
        #expect(
            sentences[1]
                == "Patientens egenbetaling i omsorgstandplejen kan dog maksimalt udgøre 540 kr. årligt (grundbeløb pr. 1. januar 2020).")
        #expect(sentences[2].hasPrefix("For forebyggende og behandlende tandpleje, der er omfattet af sundhedslovens 64 b,"))
    }

    @Test func sectionsWithLetterCitedInTextDoNotOpenSections() {
        // "jf. sundhedslovens § 57 e og § 64 b." ends § 21, stk. 5; § 22 follows as a heading.
        #expect(document.sections.map(\.number!) == (1...38).map(String.init))
    }

    @Test func signatureAndAnnexShareALine() throws {
        let signature = try #require(document.root.all(.signature).first)
        #expect(signature.text == "Sundheds- og Ældreministeriet, den 30. juni 2020 Magnus Heunicke / Louise Filt")
        let annex = try #require(document.annexes.first)
        #expect(
            parsed.source.locations.lineIndex(of: annex.range.start.offset)
                == parsed.source.locations.lineIndex(of: signature.range.start.offset))
        #expect(annex.title == "Regler for ortodontivisitation og ortodontiindikationer")
        #expect(annex.all(.item).isEmpty)
    }

    @Test func rangesPointAtTheRightBytes() throws {
        let index = document.nodeTable()
        let stk5 = try #require(index.node("p21/stk5"))
        #expect(parsed.source.string(try #require(stk5.labelRange).offsets) == "Stk. 5.")
        let section = try #require(index.node("p21"))
        #expect(parsed.source.string(try #require(section.labelRange).offsets) == "§ 21.")
        #expect(parsed.source.locations.location(of: section.range.start).line == 127)
        let sentence = try #require(index.node("p10/stk1/pkt2"))
        #expect(Bytes.normalized(parsed.source.string(sentence.range.offsets)) == sentence.text)
        #expect(
            parsed.source.locations.location(of: sentence.range.start)
                == LocatedPosition(offset: sentence.range.start.offset, line: 59, column: 1))
        let kap4 = try #require(index.node("kap4"))
        #expect(parsed.source.string(try #require(kap4.titleRange).offsets) == "Socialtandpleje")
    }

    @Test func everyNonWhitespaceByteInExactlyOneAtom() {
        #expect(TestSupport.atomViolation(parsed) == nil)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func goldenOutline() throws {
        try Golden.expect(OutlineFormatter().format(parsed), "fixtures/golden/2020.outline.txt")
    }
}
