import Paragraf
import ParagrafReferences
import Testing

@testable import ParagrafStore

/// Citations across documents: resolved to the document and provision in force at the citing document's date.
@Suite struct CrossCitationTests {
    @Test func citedBySundhedslovensParagraf135() throws {
        let result = try StoreFixture.store().citedBy("sundhedsloven § 135")
        #expect(result.work == "sundhedsloven")
        #expect(result.target == "§ 135 (sundhedsloven)")
        // Several bekendtgørelser cite it; those dated after LBK 903/2019 resolve into it.
        let linked = result.citations.filter { $0.status == "linked" }
        #expect(
            Set(linked.map(\.document.label)) == [
                "BEK 1077/2020", "BEK 1073/2021", "BEK 959/2022", "BEK 706/2024", "BEK 871/2024", "BEK 629/2025", "BEK 1444/2025",
            ])
        #expect(linked.allSatisfy { $0.citedVersion == "LBK 903/2019" && $0.cited == "§ 135" })
        let row = try #require(linked.first { $0.document.label == "BEK 1077/2020" && $0.place == "§ 20, stk. 1, 1. pkt." })
        #expect(row.citation == "sundhedslovens § 135")
        #expect(row.lead == "efter")
        #expect(row.edge == .condition)
        // Before the corpus has a version: external, with the reason.
        let early = try #require(result.citations.first { $0.document.label == "BEK 1098/2008" })
        #expect(early.status == "external")
        #expect(
            early.reason == "no version of sundhedsloven in force on 2008-12-01 in the corpus, the earliest is LBK 903/2019 from 2019-08-26"
        )
        #expect(result.documents >= 10)
    }

    @Test func citationFormsResolve() throws {
        let store = try StoreFixture.store()
        let b64 = try store.citedBy("§ 64 b i sundhedsloven")
        #expect(b64.target == "§ 64 b (sundhedsloven)")
        #expect(b64.citations.contains { $0.document.label == "BEK 1036/2021" && $0.status == "linked" && $0.cited == "§ 64 b" })
        let service = try store.citedBy("§ 104 i lov om social service")
        #expect(service.work == "serviceloven")
        let linked = try #require(service.citations.first { $0.document.label == "BEK 1298/2020" })
        #expect(linked.status == "linked")
        #expect(linked.citedVersion == "LBK 1287/2020")
        #expect(linked.citation == "§ 104 i lov om social service")
        #expect(try store.citedBy("servicelovens § 104").citations.count == service.citations.count)
    }

    @Test func basisFromThePreambleAndTheConsolidationItNames() throws {
        let basis = try StoreFixture.store().basis(of: "BEK 1077/2020")
        #expect(basis.preamble?.hasPrefix("I medfør af § 78, stk. 2, § 129, stk. 3") == true)
        let enabling = basis.provisions.filter { $0.edge == .legalBasis }
        #expect(
            enabling.map(\.cited) == [
                "§ 78, stk. 2", "§ 129, stk. 3", "§ 130", "§ 131, stk. 4", "§ 132, stk. 2", "§ 133, stk. 5", "§ 134, stk. 2",
                "§ 134 a, stk. 4", "§ 136", "§ 137, stk. 2", "§ 164", "§ 166, stk. 4",
            ])
        // "…, jf. lovbekendtgørelse nr. 903 af 26. august 2019": read in that consolidation.
        #expect(enabling.allSatisfy { $0.citedVersion == "LBK 903/2019" })
        // The dataset's LBK 903/2019 lacks § 134 a: missing, with the reason.
        let missing = try #require(enabling.first { $0.cited == "§ 134 a, stk. 4" })
        #expect(missing.status == "missing")
        #expect(basis.provisions.contains { $0.citation == "lovbekendtgørelse nr. 903 af 26. august 2019" && $0.status == "linked" })
        // The dataset's documents have no preamble.
        let none = try StoreFixture.store().basis(of: "BEK 959/2022")
        #expect(none.provisions.isEmpty)
        #expect(none.note == "the sources of BEK 959/2022 (dataset) have no preamble, so its legal basis is not in the corpus")
    }

    @Test func issuedUnder() throws {
        let result = try StoreFixture.store().issuedUnder("sundhedsloven § 134")
        #expect(result.documents.map(\.document.label) == ["BEK 1077/2020"])
        #expect(result.documents.first?.provisions == ["§ 134, stk. 2"])
        #expect(result.documents.first?.citedVersion == "LBK 903/2019")
        #expect(result.withoutPreamble > 10)
    }

    @Test func checkAllCountsAndCases() throws {
        let report = try StoreFixture.store().checkAll(limit: 50)
        // 28 preferred sources; the 5 amending instruments (4 orders of tandpleje, LOV 1547/2023) are not checked.
        #expect(report.documents == 23)
        #expect(report.notChecked == 5)
        #expect(report.types.map(\.type) == ["BEK", "LBK"])
        // The seed's known finding (see `paragraf check 2020`) is among them.
        #expect(
            report.cases.contains {
                $0.document.label == "BEK 1077/2020" && $0.citation == "i henhold til § 22, stk. 1, 2. pkt."
                    && $0.reason == "§ 22, stk. 1 has 1 sentence; there is no 2. pkt."
            })
        // An annex the dataset's documents do not carry is not a finding.
        #expect(!report.cases.contains { $0.citation.contains("bilag 1") })
        #expect(report.unresolved == report.types.reduce(0) { $0 + $1.unresolved })
    }
}
