import Paragraf
import Testing

@testable import ParagrafStore

/// Works and versions found from the texts of the fixtures.
@Suite struct WorkTests {
    @Test func tandplejeChainFromRepealStatements() throws {
        let store = try StoreFixture.store()
        let work = try store.work("tandpleje")
        #expect(work.title == "Bekendtgørelse om tandpleje")
        #expect(work.kind == "regulation")
        let versions = try store.versions(of: work, includingAmendments: false)
        // The corpus's manifest names the versions; the store finds the same twelve from the documents.
        #expect(
            versions.map(\.label) == [
                "BEK 205/2001", "BEK 1073/2003", "BEK 285/2006", "BEK 727/2007", "BEK 179/2012", "BEK 1658/2017",
                "BEK 1077/2020", "BEK 959/2022", "BEK 706/2024", "BEK 871/2024", "BEK 629/2025", "BEK 1444/2025",
            ])
        #expect(
            versions.map(\.name) == [
                "2001", "2003", "2006", "2007", "2012", "2017", "2020", "2022", "2024-706", "2024-871", "2025-629", "2025-1444",
            ])
        #expect(
            versions.map(\.validFrom?.description) == [
                "2001-03-22", "2004-01-01", "2006-04-04", "2007-06-15", "2012-03-01", "2018-01-01", "2020-07-01", "2022-07-01",
                "2024-07-01", "2024-07-01", "2025-07-01", "2026-01-01",
            ])
        #expect(
            versions.map(\.validTo?.description) == [
                "2004-01-01", "2006-04-04", "2007-06-15", "2012-03-01", "2018-01-01", "2020-07-01", "2022-07-01", "2024-07-01",
                "2024-07-01", "2025-07-01", "2026-01-01", nil,
            ])
        #expect(versions.map(\.hasText) == [false, true, false, false, true, true, true, true, true, true, true, true])
        // The seed text and the dataset's JSON are two sources of BEK 1077/2020; the seed (with its preamble) is
        // the preferred one.
        let v2020 = try #require(versions.first { $0.label == "BEK 1077/2020" })
        #expect(v2020.sources == 2)
        #expect(try store.documentSummary(try #require(v2020.document)).format == "text")
    }

    /// Issue 15's chain (the manifest corpus's ``WorkHistory``) and the store's, found from the imported
    /// documents, agree version by version.
    @Test func sameChainAsTheCorpusHistory() throws {
        let corpus = try Corpus(directory: StoreFixture.corpus)
        let manifest = try #require(corpus.works.first { $0.id == "tandpleje" })
        let history = try corpus.history(of: manifest)
        let stored = try StoreFixture.store().versions(of: try StoreFixture.store().work("tandpleje"), includingAmendments: false)
        #expect(stored.map(\.name) == history.entries.map(\.id))
        for (entry, version) in zip(history.entries, stored) {
            #expect(version.validFrom == entry.interval.start, "\(entry.id)")
            #expect(version.validTo == entry.interval.end, "\(entry.id)")
            #expect(version.neverApplied == entry.interval.neverApplied, "\(entry.id)")
            #expect(version.hasText == entry.version.manifest.hasText, "\(entry.id)")
        }
    }

    @Test func versionThatNeverApplied() throws {
        let store = try StoreFixture.store()
        let v706 = try store.version("BEK 706/2024", in: nil)
        #expect(v706.neverApplied)
        #expect(v706.repealedBy == "BEK 871/2024")
        #expect(!v706.isInForce(on: LegalDate("2024-07-01")!))
        let v959 = try store.version("959/2022", in: nil)
        #expect(v959.validTo == LegalDate("2024-07-01"))
        #expect(v959.evidence.contains("repealed by BEK 706/2024 and BEK 871/2024"))
    }

    @Test func pointInTime() throws {
        let store = try StoreFixture.store()
        let work = try store.work("tandpleje")
        #expect(try store.version(of: work, inForceOn: LegalDate("2015-01-01")!).label == "BEK 179/2012")
        #expect(try store.version(of: work, inForceOn: LegalDate("2024-07-01")!).label == "BEK 871/2024")
        #expect(try store.version(of: work, inForceOn: LegalDate("2026-03-01")!).label == "BEK 1444/2025")
        let missing = try store.version(of: work, inForceOn: LegalDate("2010-01-01")!)
        #expect(missing.label == "BEK 727/2007")
        #expect(
            throws: StoreError.notFound(
                "BEK 727/2007 (tandpleje) is known, but its text is not in the corpus; it applied from 2007-06-15 to 2012-03-01")
        ) {
            try store.provision(Address(section: "10"), in: missing)
        }
        #expect(
            throws: StoreError.notFound(
                "no version of tandpleje was in force on 1990-01-01; the earliest in the corpus applied from 2001-03-22")
        ) {
            try store.version(of: work, inForceOn: LegalDate("1990-01-01")!)
        }
    }

    @Test func amendingOrdersJoinTheWorkTheyName() throws {
        let store = try StoreFixture.store()
        let amendments = try store.versions(of: try store.work("tandpleje")).filter { $0.role == .amendment }
        // "I bekendtgørelse nr. 179 af 28. februar 2012 om tandpleje foretages følgende ændring" and the titles.
        #expect(amendments.map(\.label) == ["BEK 1344/2012", "BEK 98/2013", "BEK 568/2015", "BEK 603/2018"])
        #expect(amendments.map(\.validTo?.description) == ["2018-01-01", "2018-01-01", "2018-01-01", "2020-07-01"])
    }

    @Test func consolidationsOfOneActAreOneWork() throws {
        let store = try StoreFixture.store()
        let work = try store.work("lov om hold af dyr")
        #expect(work.kind == "act")
        #expect(work.actKey == "lov om hold af dyr")
        let versions = try store.versions(of: work)
        #expect(versions.map(\.label) == ["LBK 9/2022", "LBK 62/2024", "LOV 1547/2023"])
        #expect(versions.map(\.role) == [.version, .version, .amendment])
        // A consolidation applies from its issue: the in-force date in its text is its act's.
        #expect(versions[0].validFrom == LegalDate("2022-01-06"))
        #expect(versions[0].validTo == LegalDate("2024-01-19"))
        #expect(try store.work("sundhedsloven").actKey == "sundhedsloven")
        #expect(try store.work("lov om social service").id == "serviceloven")
    }

    @Test func worksListAndQuery() throws {
        let store = try StoreFixture.store()
        let all = try store.works()
        #expect(all.count == 9)
        #expect(try store.works(matching: "TANDPLEJE").map(\.id) == ["tandpleje"])
        #expect(try store.works(matching: "mundbind").count == 2)
        #expect(throws: StoreError.self) { try store.work("no such work at all") }
    }
}
