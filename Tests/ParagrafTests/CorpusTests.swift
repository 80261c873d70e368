import Foundation
import Testing

@testable import Paragraf

@Suite("Versioned corpus")
struct CorpusTests {
    let corpus: Corpus

    init() throws { corpus = try Corpus(directory: TestSupport.root.appendingPathComponent("corpus").path) }

    static let ids = [
        "2001", "2003", "2006", "2007", "2012", "2017", "2020", "2022", "2024-706", "2024-871", "2025-629", "2025-1444",
    ]

    @Test func versionsAndDates() throws {
        #expect(corpus.works.map(\.id) == ["tandpleje"])
        #expect(corpus.versions.map(\.id) == Self.ids)
        #expect(corpus.versions.filter(\.manifest.hasText).count == 9)
        let v2003 = try corpus.version("2003")
        #expect(v2003.manifest.signed.description == "2003-12-11")
        #expect(v2003.manifest.inForce?.description == "2004-01-01")
        #expect(v2003.manifest.repeals.map(\.description) == ["BEK nr. 205 af 22. marts 2001"])
        #expect(v2003.manifest.era == "amt")
        #expect(v2003.manifest.number == "1073")
        #expect(v2003.manifest.accessionNumber == "B20030107305")
        #expect(try corpus.version("tandpleje/2020").manifest.era == "region")
        #expect(try corpus.version("2024-871").manifest.repeals.map(\.number) == ["959", "706"])
        #expect(try corpus.version("2006").manifest.kind == .withoutText)
        #expect(corpus.works[0].amendingOrders?.map(\.id) == ["2012-1344", "2013-98", "2015-568", "2018-603"])
    }

    @Test func versionsAreAlsoNamedByNumberAndYear() throws {
        #expect(try corpus.version("1658/2017").id == "2017")
        #expect(try corpus.version("tandpleje/1077/2020").id == "2020")
        #expect(try corpus.version("727/2007").id == "2007")
        #expect(throws: CorpusError.self) { try corpus.version("1658/2018") }
    }

    @Test func theManifestEndsAVersionWhenALaterOneRepealedIt() throws {
        #expect(try corpus.version("2003").endDate?.description == "2006-04-04")  // 285/2006: in-force date unknown
        #expect(try corpus.version("2022").endDate?.description == "2024-07-01")
        #expect(try corpus.version("2025-1444").endDate == nil)
        #expect(try corpus.version("2003").isInForce(on: LegalDate("2005-01-01")!) == true)
        #expect(try corpus.version("2003").isInForce(on: LegalDate("2003-12-31")!) == false)
        #expect(try corpus.version("2025-1444").isInForce(on: LegalDate("2026-06-01")!) == nil)
    }

    @Test func versionInForceOnADate() {
        #expect(corpus.versions(inForceOn: LegalDate("2000-06-01")!).isEmpty)
        #expect(corpus.versions(inForceOn: LegalDate("2004-01-01")!).map(\.id) == ["2003"])
        #expect(corpus.versions(inForceOn: LegalDate("2020-06-30")!).map(\.id) == ["2017"])
        #expect(corpus.versions(inForceOn: LegalDate("2020-07-01")!).map(\.id) == ["2020"])
    }

    @Test func aVersionWithoutTextCannotBeLoaded() throws {
        let version = try corpus.version("2007")
        #expect(throws: CorpusError.noText(version: "2007", citation: "BEK nr. 727 af 15. juni 2007")) {
            try corpus.load(version)
        }
        #expect(try corpus.loadRecord(version)?.document.metadata.accessionNumber == "B20070072705")
    }

    @Test func loadChecksTheChecksum() throws {
        let parsed = try corpus.load(try corpus.version("2020"))
        #expect(parsed.document.sections.count == 38)
        #expect(parsed.document.sourceName == "tandpleje/2020-bek-tandpleje.txt")
    }

    @Test func aChangedFileIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let work = directory.appendingPathComponent("tandpleje")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for file in ["manifest.json", "2003-bek-tandpleje.txt", "2020-bek-tandpleje.txt"] {
            try FileManager.default.copyItem(
                at: TestSupport.root.appendingPathComponent("corpus/tandpleje/\(file)"), to: work.appendingPathComponent(file))
        }
        let handle = try FileHandle(forWritingTo: work.appendingPathComponent("2003-bek-tandpleje.txt"))
        handle.seekToEndOfFile()
        handle.write(Data(" ".utf8))
        try handle.close()
        let changed = try Corpus(directory: directory.path)
        #expect(throws: CorpusError.self) { try changed.load(try changed.version("2003")) }
        do {
            _ = try changed.load(try changed.version("2003"))
        } catch {
            #expect(error.description.contains("has changed: SHA-256 is"))
        }
        #expect(try changed.load(try changed.version("2020")).document.sections.count == 38)
    }

    @Test func unknownVersionNamesTheKnownOnes() {
        #expect(throws: CorpusError.unknownVersion("1999", known: Self.ids)) { try corpus.version("1999") }
    }

    /// The command line reads an argument with a dot ("ny.txt") as a file without opening the corpus, so a
    /// manifest may not give a version such an id.
    @Test func aVersionIdWithADotIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let work = directory.appendingPathComponent("tandpleje")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let manifest = try String(
            contentsOf: TestSupport.root.appendingPathComponent("corpus/tandpleje/manifest.json"), encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"id\": \"2020\"", with: "\"id\": \"2020.txt\"")
            .write(to: work.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let path = work.appendingPathComponent("manifest.json").path
        #expect(throws: CorpusError.badManifest(path: path, reason: "version id \"2020.txt\" has a dot (ids are like 2003 or 2024-871)")) {
            try Corpus(directory: directory.path)
        }
    }

    @Test func missingDirectory() {
        #expect(throws: CorpusError.missingDirectory("/nonexistent/corpus")) { try Corpus(directory: "/nonexistent/corpus") }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func manifestChecksumsMatchTheFiles() throws {
        var files: [SourceFile] = corpus.versions.compactMap { v in v.manifest.file.map { SourceFile(file: $0, sha256: v.manifest.sha256!) }
        }
        files += corpus.versions.compactMap(\.manifest.record) + (corpus.works[0].amendingOrders ?? []).compactMap(\.record)
        #expect(files.count == 18)
        for file in files {
            #expect(SHA256.hex(try TestSupport.bytes("corpus/tandpleje/\(file.file)")) == file.sha256)
        }
        // Every file of the folder is in the manifest.
        let listed = Set(files.map(\.file) + ["manifest.json"])
        let present = try FileManager.default.contentsOfDirectory(atPath: TestSupport.root.appendingPathComponent("corpus/tandpleje").path)
        #expect(Set(present) == listed)
    }
}

@Suite("Addresses and lookup")
struct AddressTests {
    @Test(arguments: [
        ("§ 17", "p17"), ("§17", "p17"), ("§ 4 a", "p4a"), ("§ 4a", "p4a"), ("§ 17, stk. 3", "p17/stk3"),
        ("§ 17 stk 3", "p17/stk3"), ("jf. § 17, stk. 3", "p17/stk3"), ("§ 2, stk. 1, nr. 4", "p2/stk1/nr4"),
        ("§ 1, stk. 2, 2. pkt.", "p1/stk2/pkt2"), ("§ 25, nr. 4", "p25/stk1/nr4"), ("§ 2, stk. 1, nr. 4, litra a", "p2/stk1/nr4/a"),
        ("kapitel 4", "kap4"), ("Kapitel 10", "kap10"), ("bilag 1", "bilag1"), ("indledning", "preamble"),
        ("titel", "title"), ("p17/stk3", "p17/stk3"), ("§ 1, stk. 2, 2. pkt", "p1/stk2/pkt2"),
        // Issue 14: capitals and the letter "i" as the parser numbers them.
        ("§ 7 B", "p7b"), ("§ 114 i", "p114i"), ("§ 114 i, stk. 2", "p114i/stk2"), ("§ 62 æ", "p62æ"),
        ("kapitel 4 A", "kap4a"),
    ])
    func parse(input: String, id: String) throws {
        #expect(try Address.parse(input).id.description == id)
    }

    @Test(arguments: ["", "stk. 3", "§", "§ x", "kapitel", "§ 17, stk. x", "hello"])
    func rejects(input: String) {
        #expect(throws: Address.ParseError.self) { try Address.parse(input) }
    }

    @Test func roundTripsIDs() {
        for id: NodeID in ["p17", "p4a", "p17/stk3", "p2/stk1/nr4", "p2/stk1/nr4/a", "p17/stk3/pkt2", "kap4", "bilag1", "preamble"] {
            #expect(Address(id: id)?.id == id)
        }
        #expect(Address(id: "p17/stk3")?.description == "§ 17, stk. 3")
    }

    @Test func lookupErrorsNameWhatExists() throws {
        let index = try TestSupport.parse(TestSupport.v2003).document.nodeTable()
        func message(_ citation: String) throws -> String? {
            if case .failure(let error) = index.lookup(try Address.parse(citation)) { return error.description }
            return nil
        }
        #expect(try message("§ 17, stk. 9") == "§ 17, stk. 9 findes ikke: § 17 har stk. 1-5")
        #expect(try message("§ 40") == "§ 40 findes ikke: dokumentet har §§ 1-33")
        #expect(try message("§ 1, stk. 2, 3. pkt.") == "§ 1, stk. 2, 3. pkt. findes ikke: § 1, stk. 2 har 2 pkt.")
        #expect(try message("§ 2, stk. 1, nr. 7") == "§ 2, stk. 1, nr. 7 findes ikke: § 2, stk. 1 har nr. 1-4")
        #expect(try message("§ 21, stk. 2") == "§ 21, stk. 2 findes ikke: § 21 har kun stk. 1")
        #expect(try message("kapitel 12") == "kapitel 12 findes ikke: dokumentet har kapitel 1-9")
        #expect(try message("bilag 2") == "bilag 2 findes ikke: dokumentet har bilag 1")
        #expect(try message("§ 17, stk. 3") == nil)
    }
}
