import Testing

@testable import ParagrafReferences

@Suite("Extraction: forms, lists, ranges, lead words")
struct ExtractionTests {
    /// Targets of the single citation in `text`, in citation form.
    func targets(_ text: String) -> [String] {
        let found = extract(text)
        #expect(found.count == 1, "expected one citation in \(text), got \(found.map(\.text))")
        return found.first?.targets.map(\.description) ?? []
    }

    @Test("Lists become several targets")
    func lists() {
        #expect(targets("jf. §§ 12, 18 og 22.") == ["§ 12", "§ 18", "§ 22"])
        #expect(targets("jf. §§ 10, 15, 22, 23 og 24 fastsatte") == ["§ 10", "§ 15", "§ 22", "§ 23", "§ 24"])
        #expect(targets("jf. stk. 5 og stk. 7, at") == ["stk. 5", "stk. 7"])
        #expect(targets("efter § 52, stk. 3, nr. 4, 5 og 7 i") == ["§ 52, stk. 3, nr. 4", "§ 52, stk. 3, nr. 5", "§ 52, stk. 3, nr. 7"])
        #expect(targets("jf. §§ 4 og 5.") == ["§ 4", "§ 5"])
    }

    @Test("Ranges keep their range and expand to their members")
    func ranges() throws {
        let sections = try #require(extract("de af §§ 26-29 omhandlede").first)
        #expect(sections.targets.map(\.description) == ["§ 26", "§ 27", "§ 28", "§ 29"])
        #expect(sections.targets.allSatisfy { $0.isRangeMember })
        #expect(sections.ranges == [CitationRange(lower: Address(section: "26"), upper: Address(section: "29"))])

        let subsections = try #require(extract("i henhold til stk. 2-3, først").first)
        #expect(subsections.targets.map(\.description) == ["stk. 2", "stk. 3"])
        #expect(subsections.ranges == [CitationRange(lower: Address(subsection: 2), upper: Address(subsection: 3))])

        let chapters = try #require(extract("i henhold til kapitel 1-5 afholdes").first)
        #expect(chapters.targets.map(\.address.id) == ["kap1", "kap2", "kap3", "kap4", "kap5"])
        #expect(chapters.ranges == [CitationRange(lower: Address(chapter: "1"), upper: Address(chapter: "5"))])

        // The 2003 text writes "stk. 2 - 3" with spaces; an en dash is a dash too.
        #expect(targets("samt stk. 2 - 3, først") == ["stk. 2", "stk. 3"])
        #expect(targets("jf. §§ 26\u{2013}28.") == ["§ 26", "§ 27", "§ 28"])
    }

    @Test("A huge range keeps its ends but expands to a bounded number of members")
    func boundedRange() throws {
        let citation = try #require(extract("jf. §§ 1-9999.").first)
        #expect(citation.ranges.count == 1)
        #expect(citation.targets.count == 1001)
        #expect(citation.targets.last?.address.section == "9999")
    }

    @Test("Sentences, items and letters parse fully")
    func fullAddresses() {
        #expect(targets("i henhold til § 22, stk. 1, 2. pkt. fremgår") == ["§ 22, stk. 1, 2. pkt."])
        #expect(targets("i henhold til stk. 1, 1. pkt. samt stk. 2-3, først") == ["stk. 1, 1. pkt.", "stk. 2", "stk. 3"])
        #expect(targets("jf. dog stk. 1, 2).") == ["stk. 1, nr. 2"])
        #expect(targets("I medfør af § 4 a, stk. 2, fastsættes") == ["§ 4 a, stk. 2"])
        #expect(targets("jf. § 2, stk. 1, nr. 4, litra b, og") == ["§ 2, stk. 1, nr. 4, litra b"])
        #expect(targets("fastsat i henhold til bekendtgørelsens § 2 stk. 1, nr. 4)") == ["§ 2, stk. 1, nr. 4"])
        #expect(targets("se kapitel 3 og bilag 1.") == ["kapitel 3", "bilag 1"])
    }

    @Test("A relative part after an absolute one takes its §: \"§ 14, stk. 5 og stk. 7\"")
    func inheritance() {
        #expect(targets("jf. § 14, stk. 5 og stk. 7, at") == ["§ 14, stk. 5", "§ 14, stk. 7"])
        #expect(targets("jf. § 3, stk. 1, 2. pkt. og 3. pkt.") == ["§ 3, stk. 1, 2. pkt.", "§ 3, stk. 1, 3. pkt."])
    }

    @Test("Numbers that count things are not list members")
    func notMembers() {
        #expect(targets("jf. stk. 1 og 2 år efter") == ["stk. 1"])
        #expect(targets("jf. § 5, 3 kommuner") == ["§ 5"])
        #expect(extract("Indgås der aftale mellem 2 kommuner, og 1. januar 2004 er").isEmpty)
        #expect(extract("lov nr. 1053 af 30. juni 2020").map(\.kind) == [.otherInstrument])
    }

    @Test("A citation that ends a sentence leaves the period")
    func sentenceEnd() throws {
        let found = extract("ud over det fyldte 18. år, jf. dog § 18, stk. 3. I tilfælde af flytning")
        #expect(found.map(\.text) == ["§ 18, stk. 3"])
        let citation = try #require(found.first)
        #expect(citation.span.end.offset - citation.span.start.offset == "§ 18, stk. 3".utf8.count)
    }

    @Test(
        "Lead words",
        arguments: [
            ("jf. § 12", LeadWord.jf), ("jf. dog § 12", .jfDog), ("i henhold til § 12", .iHenholdTil),
            ("efter § 12", .efter), ("efter reglerne i § 12", .efter), ("omfattet af § 12", .omfattetAf),
            ("nævnt i § 12", .naevntI), ("de i § 12 nævnte", .naevntI), ("de i § 12 omhandlede", .none), ("I medfør af § 12", .iMedfoerAf),
            ("Personen, jf.\n   § 12", .jf), ("fremgår af § 12", .none),
        ])
    func leadWords(text: String, lead: LeadWord) throws {
        let citation = try #require(extract(text).first)
        #expect(citation.lead == lead)
        #expect(citation.text == "§ 12")
    }

    @Test("Kinds")
    func kinds() {
        #expect(extract("jf. § 12").map(\.kind) == [.internalAbsolute])
        #expect(extract("jf. stk. 3").map(\.kind) == [.internalRelative])
        #expect(extract("jf. 3. pkt.").map(\.kind) == [.internalRelative])
        #expect(extract("jf. nr. 4").map(\.kind) == [.internalRelative])
        #expect(extract("efter § 64 b i sundhedsloven").map(\.kind) == [.externalAct])
        #expect(extract("jf. lovbekendtgørelse nr. 903 af 26. august 2019").map(\.kind) == [.otherInstrument])
        #expect(extract("forordning (EF) nr. 883/2004").map(\.kind) == [.euRegulation])
    }

    @Test("Instruments by type, number and date")
    func instruments() throws {
        let lbk = try #require(extract("jf. lovbekendtgørelse nr. 903 af 26. august 2019, som ændret").first?.instrument)
        #expect(lbk.type == .lovbekendtgoerelse)
        #expect(lbk.number == "903")
        #expect(lbk.date == LegalDate(year: 2019, month: 8, day: 26))
        let bek = try #require(extract("Bekendtgørelse nr. 1658 af 22. december 2017 om tandpleje ophæves.").first?.instrument)
        #expect(bek.type == .bekendtgoerelse)
        #expect(bek.number == "1658")
        #expect(bek.date == LegalDate(year: 2017, month: 12, day: 22))
        // Wrapped over lines as in the 2003 preamble.
        let lov = try #require(extract("som ændret ved lov nr. 377 af  \n 28.  \n maj 2003, fastsættes").first?.instrument)
        #expect(lov.type == .lov)
        #expect(lov.date == LegalDate(year: 2003, month: 5, day: 28))
        #expect(lov.text == "lov nr. 377 af 28. maj 2003")
    }

    @Test("EU regulations")
    func euRegulations() {
        let found = extract(
            "Rådets forordning (EF) nr. 883/2004 om koordinering og forordning (EF) nr. 987/2009 om gennemførelse af forordning nr. 883/2004, aftalen"
        )
        #expect(
            found.map { $0.euRegulation?.description } == [
                "forordning (EF) nr. 883/2004", "forordning (EF) nr. 987/2009", "forordning nr. 883/2004",
            ])
    }

    @Test("EU directives")
    func euDirectives() {
        let found = extract(
            "jf. Europa-Parlamentets og Rådets direktiv 2011/24/EU om patientrettigheder og direktiv (EU) 2015/1535, og direktivet")
        #expect(found.map(\.kind) == [.euRegulation, .euRegulation])
        #expect(found.map { $0.euRegulation?.description } == ["direktiv 2011/24/EU", "direktiv (EU) 2015/1535"])
        #expect(found.map(\.text) == ["direktiv 2011/24/EU", "direktiv (EU) 2015/1535"])
    }

    @Test("External acts: closing, genitive and aliases")
    func externalActs() throws {
        let closing = try #require(extract("omfattet af § 66, stk. 1, nr. 6, i lov om social service, tilvejebringe").first)
        #expect(closing.act?.key == "serviceloven")
        #expect(closing.targets.map(\.description) == ["§ 66, stk. 1, nr. 6 (lov om social service)"])
        let genitive = try #require(extract("jf. servicelovens §§ 104 og 110, og").first)
        #expect(genitive.act?.key == "serviceloven")
        #expect(genitive.targets.map(\.address.section) == ["104", "110"])
        let wrapped = try #require(extract("omfattet af § 51 i lov  \n om  \n social service, er").first)
        #expect(wrapped.act?.key == "serviceloven")
        #expect(wrapped.text == "§ 51 i lov om social service")
        let missingSign = try #require(extract("omfattet af sundhedslovens 64 b, og").first)
        #expect(missingSign.targets.map(\.description) == ["§ 64 b (sundhedsloven)"])
        let twoSections = try #require(extract("jf. sundhedslovens § 57 e og § 64 b.").first)
        #expect(twoSections.targets.map(\.description) == ["§ 57 e (sundhedsloven)", "§ 64 b (sundhedsloven)"])
    }

    @Test("The act table normalizes aliases")
    func aliases() {
        let table = ActTable.standard
        #expect(table.act(named: "serviceloven")?.key == "serviceloven")
        #expect(table.act(named: "Servicelovens")?.key == "serviceloven")
        #expect(table.act(named: "lov om social service")?.key == "serviceloven")
        #expect(table.act(named: "aktivloven")?.key == "aktivloven")
        #expect(table.act(named: "Lov om Aktiv Socialpolitik")?.key == "aktivloven")
        #expect(table.act(named: "LAS")?.key == "aktivloven")
        #expect(table.act(named: "las") == nil)
        #expect(table.act(named: "lov om tandpleje m.v.")?.key == "tandplejeloven")
        #expect(table.act(named: "tandplejeloven")?.key == "tandplejeloven")
        #expect(table.act(named: "lov om offentlig sygesikring")?.key == "sygesikringsloven")
        #expect(table.act(named: "integrationsloven")?.key == "integrationsloven")
        #expect(table.act(named: "sundhedsloven")?.key == "sundhedsloven")
        #expect(table.act(named: "sundhedslovgivningen") == nil)
    }

    @Test("The preamble's closing act applies to every § listed (2020)")
    func preamble2020() throws {
        let parsed = try Repo.tandpleje("2020")
        let found = CitationExtractor().citations(in: parsed).filter { $0.nodeID == "preamble" }
        #expect(found.map(\.kind) == [.externalAct, .otherInstrument, .otherInstrument])
        let basis = try #require(found.first)
        #expect(basis.lead == .iMedfoerAf)
        #expect(basis.act?.key == "sundhedsloven")
        #expect(basis.targets.allSatisfy { $0.act?.key == "sundhedsloven" })
        #expect(
            basis.targets.map(\.address.description) == [
                "§ 78, stk. 2", "§ 129, stk. 3", "§ 130", "§ 131, stk. 4", "§ 132, stk. 2", "§ 133, stk. 5", "§ 134, stk. 2",
                "§ 134 a, stk. 4", "§ 136", "§ 137, stk. 2", "§ 164", "§ 166, stk. 4",
            ])
        #expect(found[1].lead == .jf)
        #expect(found[1].instrument?.type.abbreviation == "LBK")
        #expect(found[1].instrument?.number == "903")
        #expect(found[1].instrument?.date?.description == "2019-08-26")
        #expect(found[2].instrument?.type == .lov)
        #expect(found[2].instrument?.number == "1053")
        #expect(found[2].instrument?.date?.description == "2020-06-30")
    }

    @Test("The preamble's closing act applies to every § listed (2003, wrapped)")
    func preamble2003() throws {
        let parsed = try Repo.tandpleje("2003")
        let basis = try #require(CitationExtractor().citations(in: parsed).first { $0.nodeID == "preamble" })
        #expect(basis.act?.key == "tandplejeloven")
        #expect(
            basis.targets.map(\.description) == [
                "§ 4 a, stk. 2 (lov om tandpleje)", "§ 5 (lov om tandpleje)", "§ 6 d, stk. 3 (lov om tandpleje)",
                "§ 6 e (lov om tandpleje)", "§ 11, stk. 2 (lov om tandpleje)",
            ])
    }

    @Test("100 000 chained citations extract in linear time, each on its own")
    func chained() {
        let count = 100_000
        let text = String(repeating: "jf. § 1, stk. 1, ", count: count)
        let found = extract(text, in: "p1/stk1/pkt1")
        #expect(found.count == count)
        #expect(found.last?.span.start.offset == (count - 1) * "jf. § 1, stk. 1, ".utf8.count + 4)
        #expect(found.allSatisfy { $0.lead == .jf && $0.targets.map(\.address.id) == ["p1/stk1"] })
    }
}
