import Foundation
import Testing

@testable import Paragraf

/// The tandpleje work's chain, derived from the texts' repeal statements, its in-force intervals, the version
/// that applied on every 1 January from 2002 to 2026, and the checks against the manifest.
@Suite("Work history and chain")
struct WorkHistoryTests {
    let corpus: Corpus
    let history: WorkHistory

    init() throws {
        corpus = try Corpus(directory: TestSupport.root.appendingPathComponent("corpus").path)
        history = try corpus.history(of: corpus.works[0])
    }

    @Test func theTextsAndTheManifestAgree() {
        #expect(history.problems.isEmpty, "\(history.problems)")
    }

    @Test func intervalsFromTheRepealStatements() {
        let rows = history.entries.map { e -> String in
            let i = e.interval
            return "\(e.id) \(i.startIsSigning ? "~" : "")\(i.start)–\(i.end.map { "\($0)" } ?? "?")\(i.neverApplied ? " never" : "")"
        }
        #expect(
            rows == [
                "2001 ~2001-03-22–2004-01-01", "2003 2004-01-01–2006-04-04", "2006 ~2006-04-04–2007-06-15",
                "2007 ~2007-06-15–2012-03-01", "2012 2012-03-01–2018-01-01", "2017 2018-01-01–2020-07-01",
                "2020 2020-07-01–2022-07-01", "2022 2022-07-01–2024-07-01", "2024-706 2024-07-01–2024-07-01 never",
                "2024-871 2024-07-01–2025-07-01", "2025-629 2025-07-01–2026-01-01", "2025-1444 2026-01-01–?",
            ])
    }

    /// A version's predecessors read from its own text and the manifest are those of the whole history.
    @Test func predecessorsWithoutTheWholeHistory() throws {
        var checked: [String] = []
        for entry in history.withText {
            let metadata = try corpus.load(entry.version).document.metadata
            #expect(corpus.predecessors(of: entry.version, metadata: metadata).map(\.id) == entry.predecessors, "\(entry.id)")
            checked.append("\(entry.id)←\(entry.predecessors.joined(separator: "+"))")
        }
        #expect(
            checked == [
                "2003←2001", "2012←2007", "2017←2012", "2020←2017", "2022←2020", "2024-706←2022", "2024-871←2022+2024-706",
                "2025-629←2024-871", "2025-1444←2025-629",
            ])
        #expect(history.withText.count == 9)
    }

    @Test func linksComeFromTheTextsWhereThereAreTexts() throws {
        let e871 = try #require(history.entry("2024-871"))
        #expect(e871.predecessors == ["2022", "2024-706"])
        #expect(e871.fromText)
        #expect(history.entry("2022")?.successors == ["2024-706", "2024-871"])
        #expect(history.entry("2024-706")?.successors == ["2024-871"])
        // 285/2006 has no text: its link to 1073/2003 is the manifest's.
        #expect(history.entry("2006")?.fromText == false)
        #expect(history.entry("2006")?.predecessors == ["2003"])
        #expect(history.entry("2012")?.amendingOrders.map(\.number) == ["1344", "98", "568"])
        #expect(history.entry("2017")?.amendingOrders.map(\.number) == ["603"])
        #expect(history.withText.map(\.id) == ["2003", "2012", "2017", "2020", "2022", "2024-706", "2024-871", "2025-629", "2025-1444"])
    }

    @Test func theVersionThatAppliedEveryFirstOfJanuary() {
        var applied: [String] = []
        for year in 2002...2026 {
            let e = history.applying(on: LegalDate(year: year, month: 1, day: 1)!)
            applied.append("\(year):\(e?.id ?? "-")\(e?.version.manifest.hasText == false ? "(no text)" : "")")
        }
        #expect(
            applied == [
                "2002:2001(no text)", "2003:2001(no text)", "2004:2003", "2005:2003", "2006:2003", "2007:2006(no text)",
                "2008:2007(no text)", "2009:2007(no text)", "2010:2007(no text)", "2011:2007(no text)",
                "2012:2007(no text)", "2013:2012", "2014:2012", "2015:2012", "2016:2012", "2017:2012", "2018:2017",
                "2019:2017", "2020:2017", "2021:2020", "2022:2020", "2023:2022", "2024:2022", "2025:2024-871",
                "2026:2025-1444",
            ])
        // The day 871/2024 and 706/2024 were both to enter into force, 871 applied; the day before, 959/2022.
        #expect(history.applying(on: LegalDate("2024-07-01")!)?.id == "2024-871")
        #expect(history.applying(on: LegalDate("2024-06-30")!)?.id == "2022")
        #expect(history.applying(on: LegalDate("2000-01-01")!) == nil)
    }

    @Test func aDisagreementWithTheManifestIsAProblem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-chain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("corpus"), to: directory)
        let manifest = directory.appendingPathComponent("tandpleje/manifest.json")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        // Say that 2020 repealed 179/2012 and entered into force a day late.
        text = text.replacingOccurrences(
            of:
                #""inForce": "2020-07-01",\#n      "repeals": [\#n        {\#n          "documentType": "BEK",\#n          "number": "1658",\#n          "date": "2017-12-22""#,
            with:
                #""inForce": "2020-07-02",\#n      "repeals": [\#n        {\#n          "documentType": "BEK",\#n          "number": "179",\#n          "date": "2012-02-28""#
        )
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let changed = try Corpus(directory: directory.path)
        let problems = try changed.history(of: changed.works[0]).problems.map(\.description)
        #expect(
            problems == [
                "2020: the manifest says it repeals BEK nr. 179 af 28. februar 2012; its text repeals BEK nr. 1658 af 22. december 2017",
                "2020: the manifest says it entered into force 2020-07-02; its text says 2020-07-01",
            ])
    }

    @Test func theDatasetCopyOf2020AgreesWithTheSeed() throws {
        // Two sources of BEK 1077/2020: the seed (richer: title, preamble, chapter titles, annex, signature) and
        // the dataset record. Same §§, stk., items and sentences; the texts differ in one dash of § 31, which
        // the seed lost ("over– og merarbejde").
        let version = try corpus.version("2020")
        let seed = try corpus.load(version).document
        let record = try #require(try corpus.loadRecord(version)).document
        func leaves(_ d: Document) -> [NodeID: String] {
            var result: [NodeID: String] = [:]
            for section in d.sections { section.forEach { if let t = $0.text { result[$0.id] = t } } }
            return result
        }
        func ids(_ d: Document) -> [NodeID] {
            var result: [NodeID] = []
            for section in d.sections { section.forEach { if [.section, .subsection, .item].contains($0.kind) { result.append($0.id) } } }
            return result
        }
        #expect(ids(seed) == ids(record))
        #expect(ids(seed).count == 220)
        let a = leaves(seed)
        let b = leaves(record)
        #expect(a.count == 248 && b.count == 248)
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing == ["p31/stk3/nr1/pkt1"])
        #expect(b["p31/stk3/nr1/pkt1"]?.contains("over– og merarbejde") == true)
        #expect(a["p31/stk3/nr1/pkt1"]?.contains("over og merarbejde") == true)
        #expect(!seed.isPartial && record.isPartial)
    }

    @Test func chainOfAVersionRepealedBeforeItApplied() {
        let d = { (s: String) in LegalDate(s)! }
        let chain = VersionChain([
            .init(key: "959/2022", number: "959", signed: d("2022-06-14"), inForce: d("2022-07-01")),
            .init(
                key: "706/2024", number: "706", signed: d("2024-06-11"), inForce: d("2024-07-01"),
                repeals: [.init(number: "959", date: d("2022-06-14"))]),
            .init(
                key: "871/2024", number: "871", signed: d("2024-06-26"), inForce: d("2024-07-01"),
                repeals: [
                    .init(number: "959", date: d("2022-06-14")), .init(number: "706", date: d("2024-06-11")),
                    .init(number: "1", date: d("1999-01-01")),
                ]),
        ])
        #expect(chain.interval("706/2024")?.neverApplied == true)
        #expect(chain.interval("959/2022")?.end == d("2024-07-01"))
        #expect(chain.applying(on: d("2024-07-01"))?.key == "871/2024")
        #expect(chain.applying(on: d("2022-06-30")) == nil)
        #expect(chain.unmatchedRepeals["871/2024"]?.map(\.description) == ["1/1999 (1999-01-01)"])
        #expect(chain.predecessors["871/2024"] == ["959/2022", "706/2024"])
    }
}
