import Testing

@testable import ParagrafReferences

/// Citations in prose that cites regulations: short real extracts of the seeds in `fixtures/references/`.
@Suite("Prose seeds")
struct ProseTests {
    func prose(_ fixture: String) throws -> [Citation] {
        CitationExtractor().citations(inProse: try Repo.text("fixtures/references/\(fixture)"))
    }

    /// The line of `position` in a fixture.
    func line(_ position: SourcePosition, in fixture: String) throws -> Int {
        SourceText(bytes: Array(try Repo.text("fixtures/references/\(fixture)").utf8)).locations.location(of: position).line
    }

    @Test("004 (Odense): \"§ 82a\" and \"§§ 82/36\", one § in each of aktivloven and integrationsloven")
    func odense() throws {
        let found = try prose("004-odense-extract.txt")
        #expect(
            found.map(\.text) == [
                "aktivloven", "integrationsloven", "§ 82a", "§§ 82/36", "§§ 82/36", "§ 82a", "§ 82 i aktivloven",
                "§ 36 i integrationsloven",
            ])
        // "§ 82a" names no act where it stands: it stays act-less rather than guessed.
        #expect(found[2].targets.map(\.description) == ["§ 82 a"])
        #expect(found[2].act == nil)
        // "§§ 82/36" right after "aktivloven/integrationsloven": § 82 in the first, § 36 in the second.
        #expect(found[3].targets.map(\.description) == ["§ 82 (lov om aktiv socialpolitik)", "§ 36 (integrationsloven)"])
        #expect(found[4].targets.map(\.description) == found[3].targets.map(\.description))
        #expect(found[6].lead == .efter)
        #expect(found[6].act?.key == "aktivloven")
        #expect(found[7].act?.key == "integrationsloven")
        #expect(try line(found[3].span.start, in: "004-odense-extract.txt") == 4)
    }

    @Test("\"§§ 82/82a\" is two §§ of one act, never split over a pair of acts")
    func sameBase() throws {
        let found = CitationExtractor().citations(inProse: "paragraffer i aktivloven/integrationsloven. Læs om §§ 82/82a.")
        #expect(found.last?.targets.map(\.description) == ["§ 82", "§ 82 a"])
    }

    @Test("000 (KL): \"§134 stk. 1\" written without spaces or comma")
    func kl() throws {
        let found = try prose("000-kl-extract.txt")
        #expect(
            found.map(\.text) == [
                "§134 stk. 1", "§§ 104 og 110 i lov om social service", "§134 stk. 2", "stk. 1", "§134a stk. 1 og stk. 2",
            ])
        #expect(found[0].targets.map(\.address) == [Address(section: "134", subsection: 1)])
        #expect(found[1].lead == .jf)
        #expect(found[1].targets.map(\.description) == ["§ 104 (lov om social service)", "§ 110 (lov om social service)"])
        #expect(found[3].kind == .internalRelative)
        #expect(found[3].lead == .omfattetAf)
        #expect(
            found[4].targets.map(\.address) == [
                Address(section: "134 a", subsection: 1), Address(section: "134 a", subsection: 2),
            ])
        // The line break inside the extract is kept in the span's position.
        #expect(try line(found[4].span.start, in: "000-kl-extract.txt") == 15)
    }

    @Test("001 (Ishøj): \"Lov om Aktiv Socialpolitik, §82 og §82a\", \"LAS §82\"")
    func ishoej() throws {
        let found = try prose("001-ishoej-extract.txt")
        #expect(
            found.map(\.text) == [
                "Lov om Aktiv Socialpolitik, §82 og §82a", "LAS §82 og §82a", "§82 og §82a i lov om aktiv socialpolitik",
            ])
        for citation in found {
            #expect(citation.kind == .externalAct)
            #expect(citation.act?.key == "aktivloven")
            #expect(citation.targets.map(\.address.section) == ["82", "82 a"])
        }
        #expect(found.map(\.lead) == [.jf, .jf, .efter])
    }

    @Test("Prose without citations gives none; amounts and dates are not §§")
    func nothing() {
        #expect(
            CitationExtractor().citations(inProse: "Der var 3.537 borgere i 96 kommuner den 1. oktober 2022, i alt 200.000 kr.").isEmpty)
    }
}
