import Foundation
import ParagrafTestSupport
import Testing

/// The corpus-database commands as a user runs them: import, works, versions, show --at, search, cited-by,
/// basis, issued-under, check --all; exit codes, --db and PARAGRAF_DB, standard input, Ctrl-C.
@Suite("paragraf import and the corpus commands", .serialized)
struct StoreCLITests {
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-store-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A database of the fixtures, imported once.
    static let database: String = {
        let path = temporaryDirectory().appendingPathComponent("law.sqlite").path
        _ = try? ParagrafCLI.run([
            "import", "fixtures/store/dev-extract.jsonl", "fixtures/store/hold-af-dyr", "corpus", "--db", path, "--quiet",
        ])
        return path
    }()

    @Test func importTwiceChangesNothing() throws {
        let db = Self.temporaryDirectory().appendingPathComponent("a.sqlite").path
        let first = try ParagrafCLI.run(["import", "fixtures/store/hold-af-dyr", "--db", db])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("3 read: 3 added, 0 replaced, 0 unchanged, 0 failed"))
        #expect(first.stdout.contains("linked: 1 works, 2 versions (0 known without text), 1 amendments"))
        let second = try ParagrafCLI.run(["import", "fixtures/store/hold-af-dyr", "--db", db, "--format", "json"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("\"unchanged\" : 3"))
        #expect(second.stdout.contains("\"schemaVersion\" : 1"))
        #expect(!second.stdout.contains("\"link\""))
    }

    @Test func failuresAreListedAndExitOne() throws {
        let directory = Self.temporaryDirectory()
        let input = directory.appendingPathComponent("in.jsonl")
        let good = try String(
            contentsOfFile: ParagrafCLI.packageRoot.appendingPathComponent("fixtures/store/hold-af-dyr/2023_1547.json").path,
            encoding: .utf8
        )
        .replacingOccurrences(of: "\n", with: " ")
        try (good + "\n{\"title\": \"cut off\", \"provisions\": [{\"content\": \"§ 1. Kommu\n").write(
            to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("b.sqlite").path
        let result = try ParagrafCLI.run(["import", input.path, "--db", db])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("2 read: 1 added, 0 replaced, 0 unchanged, 1 failed"))
        #expect(result.stderr.contains("in.jsonl:2: failed: D001 at 1:"))
        let listed = try ParagrafCLI.run(["import", "--failures", "--db", db])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("in.jsonl:2: D001 at 1:"))
        #expect(listed.stdout.hasSuffix("1 failed input\n"))
    }

    @Test func standardInputAndEnvironment() throws {
        let directory = Self.temporaryDirectory()
        let db = directory.appendingPathComponent("c.sqlite").path
        let lines =
            try String(
                contentsOfFile: ParagrafCLI.packageRoot.appendingPathComponent("fixtures/store/dev-extract.jsonl").path, encoding: .utf8
            )
            .split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        let result = try ParagrafCLI.run(["import", "-"], stdin: lines, environment: ["PARAGRAF_DB": db])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("3 read: 3 added"))
        let works = try ParagrafCLI.run(["works"], environment: ["PARAGRAF_DB": db])
        #expect(works.status == 0)
        #expect(works.stdout.contains("tandpleje"))
    }

    @Test func usageErrors() throws {
        let noDB = try ParagrafCLI.run(["import", "corpus"])
        #expect(noDB.status == 64)
        #expect(noDB.stderr.contains("name the database to import into: --db FILE (or set PARAGRAF_DB)"))
        let bothDates = try ParagrafCLI.run(["search", "x", "--at", "2020-01-01", "--all-versions", "--db", Self.database])
        #expect(bothDates.status == 64)
        let missing = try ParagrafCLI.run(["works", "--db", "/nonexistent/law.sqlite"])
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "paragraf: error: no database at /nonexistent/law.sqlite: build one with `paragraf import FILE… --db /nonexistent/law.sqlite`\n"
        )
        let noWords = try ParagrafCLI.run(["search", "§ –", "--db", Self.database])
        #expect(noWords.status == 64)
        let checkBoth = try ParagrafCLI.run(["check", "2020", "--all"])
        #expect(checkBoth.status == 64)
    }

    @Test func worksVersionsAndShowAt() throws {
        let db = Self.database
        let versions = try ParagrafCLI.run(["versions", "tandpleje", "--db", db])
        #expect(versions.status == 0)
        #expect(versions.stdout.hasPrefix("tandpleje  Bekendtgørelse om tandpleje  (regulation; 12 versions, 9 with text; 4 amending)\n"))
        #expect(
            versions.stdout.contains(
                "  2024-706   BEK 706/2024    underskrevet 2024-06-11  trådte aldrig i kraft (ophævet af BEK 871/2024 før 2024-07-01)  tekst\n"
            ))
        #expect(
            versions.stdout.contains("  2007       BEK 727/2007    underskrevet 2007-06-15  i kraft 2007-06-15 – 2012-03-01  ingen tekst\n")
        )
        let show = try ParagrafCLI.run(["show", "--db", db, "--work", "tandpleje", "--at", "2015-01-01", "§ 10"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Bekendtgørelse om tandpleje (BEK 179/2012) › Kapitel 2 › § 10\n"))
        #expect(show.stdout.contains("maximalt udgøre 390 kr. årligt"))
        #expect(show.stderr == "note: BEK 179/2012 applied 2012-03-01 – 2018-01-01\n")
        let missingText = try ParagrafCLI.run(["show", "--db", db, "--work", "tandpleje", "--at", "2010-01-01", "§ 10", "--format", "json"])
        #expect(missingText.status == 1)
        #expect(missingText.stderr.contains("BEK 727/2007 (tandpleje) is known, but its text is not in the corpus"))
        let json = try ParagrafCLI.run(["show", "--db", db, "BEK 959/2022", "§ 21, stk. 3", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"version\" : \"2022\""))
        #expect(json.stdout.contains("\"label\" : \"BEK 959/2022\""))
        #expect(json.stdout.contains("\"place\" : \"Kapitel 6 › § 21 › Stk. 3\""))
        let works = try ParagrafCLI.run(["works", "hold af dyr", "--db", db])
        #expect(
            works.stdout.hasPrefix(
                "lov-om-hold-af-dyr  Bekendtgørelse af lov om hold af dyr  (act; 2 versions; 1 amending)  latest LBK 62/2024\n"))
    }

    @Test func searchCitedByBasisIssuedUnderCheck() throws {
        let db = Self.database
        let search = try ParagrafCLI.run([
            "search", "tandregulering", "--at", "2015-01-01", "--work", "tandpleje", "--limit", "2", "--db", db,
        ])
        #expect(search.status == 0)
        #expect(
            search.stdout.hasPrefix(
                "1. § 2, stk. 1 — BEK 179/2012 Bekendtgørelse om tandpleje  (tandpleje, i kraft 2012-03-01 – 2018-01-01)\n   … sundhedstilstand. 3) Individuel forebyggelse"
            ))
        #expect(search.stdout.contains("kæberegionen og [tandregulering] i overensstemmelse med"))
        #expect(search.stderr == "2 provisions in force on 2015-01-01 (more: raise --limit)\n")
        let json = try ParagrafCLI.run(["search", "tandregulering", "--all-versions", "--format", "json", "--db", db])
        #expect(json.stdout.contains("\"expression\" : \"\\\"tandregulering\\\"\""))
        let none = try ParagrafCLI.run(["search", "xyzzyplugh", "--db", db])
        #expect(none.status == 1)
        let citedBy = try ParagrafCLI.run(["cited-by", "sundhedsloven § 135", "--db", db])
        #expect(citedBy.status == 0)
        #expect(citedBy.stdout.contains("  § 20, stk. 1, 1. pkt.  efter sundhedslovens § 135  [condition]  → LBK 903/2019 § 135\n"))
        let basis = try ParagrafCLI.run(["basis", "BEK 1077/2020", "--db", db])
        #expect(basis.status == 0)
        #expect(basis.stdout.contains("    § 134, stk. 2  → LBK 903/2019 § 134, stk. 2\n"))
        let noPreamble = try ParagrafCLI.run(["basis", "959/2022", "--db", db])
        #expect(noPreamble.status == 1)
        #expect(noPreamble.stderr.contains("have no preamble"))
        let issued = try ParagrafCLI.run(["issued-under", "sundhedsloven § 134", "--db", db])
        #expect(issued.status == 0)
        #expect(
            issued.stdout.hasPrefix(
                "§ 134 (sundhedsloven): 1 document issued under it\n  2020-06-30  BEK 1077/2020  Bekendtgørelse om tandpleje  (§ 134, stk. 2)"
            ))
        let check = try ParagrafCLI.run(["check", "--all", "--db", db, "--limit", "3"])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("23 documents: "))
        #expect(check.stderr.contains("note: 5 amending, commencement and repealing instruments are not checked"))
        #expect(check.stdout.contains("first cases:\n"))
    }

    @Test func oneVersionCommandsReadTheDatabase() throws {
        let db = Self.database
        let toc = try ParagrafCLI.run(["toc", "BEK 959/2022", "--db", db])
        #expect(toc.status == 0)
        #expect(
            toc.stdout.hasPrefix(
                "Bekendtgørelse om tandpleje — BEK 959/2022 (BEK, underskrevet 2022-06-14, i kraft 2022-07-01)\nKapitel 1\n  § 1 "))
        let refs = try ParagrafCLI.run(["refs", "BEK 959/2022", "§ 1", "--db", db])
        #expect(refs.stdout.hasPrefix("BEK 959/2022 › Kapitel 1 › § 1: 12 citations\n"))
        let diff = try ParagrafCLI.run(["diff", "BEK 959/2022", "BEK 871/2024", "--db", db])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("• Amounts — 2.010 kr. → 2.200 kr. (+9 %) in § 26, § 27, § 28, § 29."))
        let history = try ParagrafCLI.run(["history", "§ 20", "--in", "BEK 1077/2020", "--db", db])
        #expect(history.status == 0)
        #expect(history.stdout.contains("  ⇣ 2003 → 2012: § 12 → § 17 (moved)\n"))
        #expect(history.stderr == "note: versions without text in the corpus are not shown: 2001, 2006, 2007\n")
        let resolve = try ParagrafCLI.run(["resolve", "tandpleje/2022", "jf. § 21, stk. 3", "--db", db])
        #expect(resolve.stdout.hasPrefix("Bekendtgørelse om tandpleje (BEK 959/2022) › Kapitel 6 › § 21 › Stk. 3\n"))
        let export = try ParagrafCLI.run(["export", "BEK 959/2022", "--format", "akn", "--db", db])
        #expect(export.status == 0)
        #expect(export.stdout.contains("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"))
    }

    @Test func damagedDatabaseIsNamed() throws {
        let directory = Self.temporaryDirectory()
        let db = directory.appendingPathComponent("d.sqlite").path
        _ = try ParagrafCLI.run(["import", "fixtures/store/hold-af-dyr", "--db", db])
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size / 3)
        try handle.close()
        let result = try ParagrafCLI.run(["works", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("paragraf: error: \(db) is truncated: its header says \(size) bytes, the file has \(size / 3);"))
    }

    @Test func bundledCorpusWithoutSetUp() throws {
        let cache = Self.temporaryDirectory().path
        let first = try ParagrafCLI.run(
            ["search", "tandregulering", "--all-versions", "--limit", "1"], environment: ["PARAGRAF_CACHE": cache])
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix("paragraf: building the database of the bundled corpus (once)…\n"))
        #expect(first.stdout.contains("Bekendtgørelse om tandpleje"))
        let second = try ParagrafCLI.run(["works"], environment: ["PARAGRAF_CACHE": cache])
        #expect(!second.stderr.contains("building"))
        #expect(second.stdout.hasPrefix("tandpleje "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".sqlite") }.count == 1)
    }

    @Test func ctrlCLeavesTheDatabaseConsistent() throws {
        // 3,000 distinct documents: the fixture's lines with their ids and numbers made unique.
        let directory = Self.temporaryDirectory()
        let lines = try String(
            contentsOfFile: ParagrafCLI.packageRoot.appendingPathComponent("fixtures/store/dev-extract.jsonl").path, encoding: .utf8
        )
        .split(separator: "\n").filter { $0.utf8.count < 30_000 }
        var out = ""
        for n in 0..<3000 {
            let line = lines[n % lines.count]
            out += line.replacingOccurrences(of: "/eli/lta/", with: "/eli/lta/9\(n)") + "\n"
        }
        let input = directory.appendingPathComponent("many.jsonl")
        try out.write(to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("e.sqlite").path
        let binary = try #require(ParagrafCLI.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", input.path, "--db", db, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let works = try ParagrafCLI.run(["import", "--db", db, "--format", "json"])
        #expect(works.status == 0)
        let check = try ParagrafCLI.run(["works", "--db", db])
        #expect(check.status == 0)
    }
}
