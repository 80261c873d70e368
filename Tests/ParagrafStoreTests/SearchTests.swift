import Paragraf
import Testing

@testable import ParagrafStore

/// Full-text search over the fixtures: ranking, context, phrases, prefixes, folding, dates and filters.
@Suite struct SearchTests {
    func options(at date: String? = nil, all: Bool = false, types: [String] = [], work: String? = nil, limit: Int = 20) -> SearchOptions {
        var options = SearchOptions()
        options.date = date.flatMap(LegalDate.init)
        options.allVersions = all
        options.types = types
        options.work = work
        options.limit = limit
        return options
    }

    @Test func tandreguleringInForceOnADay() throws {
        let results = try StoreFixture.store().search("tandregulering", options: options(at: "2026-03-01"))
        #expect(results.date == LegalDate("2026-03-01"))
        // BEK 1444/2025 (tandpleje) and BEK 1036/2021 (tilskud til behandling hos praktiserende tandlæge).
        #expect(Set(results.hits.map(\.document.label)) == ["BEK 1444/2025", "BEK 1036/2021"])
        let tandpleje = results.hits.filter { $0.work == "tandpleje" }
        // One hit per §, shown at the stk. that holds the word (§ 3 has it in stk. 5 and 6: the first is shown).
        #expect(tandpleje.map(\.address).sorted() == ["§ 2, stk. 1", "§ 3, stk. 5", "§ 4, stk. 4", "§ 5, stk. 2"])
        let hit = try #require(tandpleje.first { $0.address == "§ 3, stk. 5" })
        #expect(hit.context.hasPrefix("Kommunalbestyrelsen kan beslutte, at tandregulering samt andre særligt kostbare"))
        let mark = try #require(hit.marks.first)
        let bytes = Array(hit.context.utf8)
        #expect(String(decoding: bytes[mark[0]..<mark[1]], as: UTF8.self) == "tandregulering")
        #expect(hit.validFrom == LegalDate("2026-01-01"))
        #expect(hit.validTo == nil)
    }

    @Test func anotherDayAnotherVersion() throws {
        let results = try StoreFixture.store().search("tandregulering", options: options(at: "2015-01-01", work: "tandpleje"))
        #expect(Set(results.hits.map(\.document.label)) == ["BEK 179/2012"])
        let all = try StoreFixture.store().search("tandregulering", options: options(all: true, work: "tandpleje", limit: 100))
        #expect(all.date == nil)
        #expect(Set(all.hits.map(\.document.label)).isSuperset(of: ["BEK 179/2012", "BEK 1658/2017", "BEK 1444/2025", "BEK 706/2024"]))
    }

    @Test func phrasePrefixAndFolding() throws {
        let store = try StoreFixture.store()
        let phrase = try store.search("\"vederlagsfri forebyggende og behandlende tandpleje\"", options: options(at: "2026-03-01"))
        #expect(phrase.hits.contains { $0.work == "tandpleje" && $0.address == "§ 1, stk. 1" })
        let reversed = try store.search("\"tandpleje behandlende\"", options: options(at: "2026-03-01"))
        #expect(!reversed.hits.contains { $0.work == "tandpleje" && $0.address == "§ 1, stk. 1" })
        let prefix = try store.search("tandregul*", options: options(at: "2026-03-01"))
        #expect(prefix.hits.count >= 4)
        let upper = try store.search("TANDREGULERING", options: options(at: "2026-03-01"))
        #expect(upper.hits.map(\.path) == (try store.search("tandregulering", options: options(at: "2026-03-01"))).hits.map(\.path))
        // æ, ø, å are letters of their own: "år" is found, "ar" is not the same word.
        let year = try store.search("år", options: options(at: "2026-03-01", work: "tandpleje"))
        #expect(!year.hits.isEmpty)
        #expect(
            year.hits.allSatisfy { hit in
                TextFolding.words(hit.context).contains { $0.word == "år" }
            })
        #expect(TextFolding.fold("ÆRØ Idé Müller Åbenrå") == "ærø ide myller åbenrå")
    }

    @Test func filtersAndErrors() throws {
        let store = try StoreFixture.store()
        let lbk = try store.search("tandpleje", options: options(at: "2021-01-01", types: ["LBK"]))
        #expect(!lbk.hits.isEmpty)
        #expect(lbk.hits.allSatisfy { $0.document.type == "LBK" })
        let negated = try store.search("tandregulering -tandprotetik", options: options(at: "2026-03-01"))
        #expect(!negated.hits.contains { $0.document.label == "BEK 1036/2021" })
        #expect(throws: StoreError.badRequest("the query \"§ – *\" has no words to search for (write words, \"a phrase\" or a prefix*)")) {
            try SearchQuery("§ – *")
        }
        #expect(try SearchQuery("§ 21").expression == "\"21\"")
        #expect(throws: StoreError.self) { try SearchQuery("-tandpleje") }
        #expect(
            try SearchQuery("børne- og \"ungdoms tandpleje\" tandpl* OR hund").expression
                == "\"børne\" AND \"og\" AND \"ungdoms tandpleje\" AND \"tandpl\"* OR \"hund\"")
        // Quotes and FTS syntax in a query are words, never syntax.
        #expect(try SearchQuery("NEAR( a\" OR").expression == "\"near\" AND \"a\" AND \"or\"")
        #expect(try store.search("xyzzyplugh", options: options(all: true)).hits.isEmpty)
    }

    @Test func contextIsCutAroundTheHits() {
        let words = (1...100).map { "ord\($0)" }.joined(separator: " ")
        let (context, marks) = SearchContext.make(words, highlights: [("ord50", false)], width: 10)
        #expect(context == "… ord44 ord45 ord46 ord47 ord48 ord49 ord50 ord51 ord52 ord53 …")
        #expect(marks.count == 1)
        let bytes = Array(context.utf8)
        #expect(String(decoding: bytes[marks[0][0]..<marks[0][1]], as: UTF8.self) == "ord50")
    }
}
