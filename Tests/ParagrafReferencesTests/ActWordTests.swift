import Testing

@testable import ParagrafReferences

/// Acts named by a word the act table does not list ("retsplejelovens § 777", "§ 88 a i færdselsloven"), the
/// lead words of exceptions and legal bases, and the edge types they give.
@Suite("Act words, lead words and edges")
struct ActWordTests {
    @Test("a genitive \"-lovens\" before a § names that act, not the citing document")
    func genitiveActWord() {
        let found = extract(
            "varetægtsarrestant, der i medfør af retsplejelovens § 777 er anbragt, jf. retsplejelovens § 771, stk. 2.", in: "p3/stk1/pkt1")
        #expect(found.map(\.text) == ["retsplejelovens § 777", "retsplejelovens § 771, stk. 2"])
        #expect(found.map(\.kind) == [.externalAct, .externalAct])
        #expect(found.map { $0.act?.key } == ["retsplejeloven", "retsplejeloven"])
        #expect(found[0].lead == .iMedfoerAf)
        #expect(found[0].edge == .legalBasis)
        #expect(found[1].targets.map(\.description) == ["§ 771, stk. 2 (retsplejeloven)"])
    }

    @Test("\"i færdselsloven\" closes a chain; \"lovens § 49\" names the enabling act")
    func closingActWordAndEnablingAct() {
        let found = extract(
            "en i medfør af færdselslovens § 88 a udstedt tilladelse efter § 5 i færdselsloven og lovens § 49, stk. 2.", in: "p19/stk1/pkt1"
        )
        #expect(found.map(\.text) == ["færdselslovens § 88 a", "§ 5 i færdselsloven", "lovens § 49, stk. 2"])
        #expect(found.map { $0.act?.key } == ["færdselsloven", "færdselsloven", ActIdentity.enablingActKey])
        #expect(found[1].lead == .efter)
    }

    @Test("the table's own acts are read as before")
    func knownActs() {
        let found = extract("jf. sundhedslovens § 135 og § 104 i lov om social service", in: "p1/stk1/pkt1")
        #expect(found.map { $0.act?.key } == ["sundhedsloven", "serviceloven"])
    }

    @Test("\"uanset\" and \"med hjemmel i\" are lead words; each lead word gives its edge")
    func leadWordsAndEdges() {
        let found = extract("Uanset § 3 kan regionen med hjemmel i § 5 fravige stk. 2, jf. dog § 7.", in: "p9/stk1/pkt1")
        #expect(found.map(\.lead) == [.uanset, .medHjemmelI, .none, .jfDog])
        #expect(found.map(\.edge) == [.exception, .legalBasis, .reference, .exception])
        #expect(CitationEdge(lead: .jf) == .support)
        #expect(CitationEdge(lead: .omfattetAf) == .condition)
        #expect(CitationEdge(lead: .naevntI) == .reference)
    }

    @Test("an act's name, as a title gives it, has the key its citations get")
    func actNamed() {
        let extractor = CitationExtractor()
        #expect(extractor.act(named: "Sundhedslov")?.key == "sundhedsloven")
        #expect(extractor.act(named: "lov om social service")?.key == "serviceloven")
        #expect(extractor.act(named: "færdselsloven")?.key == "færdselsloven")
        #expect(extractor.act(named: "Straffelov")?.key == "straffeloven")
        #expect(extractor.act(named: "lov om hold af dyr")?.key == "lov om hold af dyr")
        #expect(extractor.act(named: "Bekendtgørelse om tandpleje")?.key == "tandplejebekendtgørelsen")
        #expect(extractor.act(named: "tandpleje") == nil)
    }
}
