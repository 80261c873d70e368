import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

@Suite("Parser on other layouts and bad input")
struct ParserBehaviourTests {
    @Test(arguments: ["dash-chapters", "numbered-chapters"])
    func layoutFixtures(name: String) throws {
        let parsed = try TestSupport.parse("fixtures/layouts/\(name).txt")
        #expect(TestSupport.atomViolation(parsed) == nil)
        try Golden.expect(OutlineFormatter().format(parsed), "fixtures/layouts/\(name).expected.txt")
    }

    @Test func dashChaptersLoneSectionMarkersAndStkWithoutPeriod() throws {
        let document = try TestSupport.parse("fixtures/layouts/dash-chapters.txt").document
        #expect(document.chapters.map(\.title) == ["Formål og område", "Hold, registrering, mærkning og omsætning af dyr"])
        #expect(document.sections.map(\.number) == ["1", "2", "3", "3 a", "4"])
        #expect(document.sections.map(\.id) == ["p1", "p2", "p3", "p3a", "p4"])
        #expect(document.nodeTable().node("p3a/stk3")?.label == "Stk. 3")
        #expect(document.metadata.documentType == .lov)
        #expect(document.metadata.title == "Lov om hold af dyr")
    }

    @Test func partsNumberedChaptersItemsAndRepealedSections() throws {
        let document = try TestSupport.parse("fixtures/layouts/numbered-chapters.txt").document
        let parts = document.root.all(.part)
        #expect(parts.map(\.number) == ["I", "II"])
        #expect(parts.map(\.title) == ["Beskæftigelseskrav", "Beregning"])
        #expect(document.chapters.map(\.label) == ["1. kapitel", "2. kapitel", "3. kapitel"])
        #expect(document.sections.map(\.number) == ["1", "2", "3", "4-6", "5", "6", "7", "8"])
        #expect(document.sections.filter(\.isRepealed).map(\.id) == ["p3", "p4", "p5", "p6"])
        let index = document.nodeTable()
        #expect(
            index.node("p2/stk1/nr3")?.plainText
                == "om lønmodtageren tidligere inden for de seneste 8 uger har været ansat hos arbejdsgiveren og i hvor mange timer.")
        #expect(document.metadata.ministry == "Beskæftigelsesministeriet")
        #expect(document.metadata.signers == ["Ane Halsboe-Jørgensen", "Marie Sonne"])
        #expect(document.metadata.inForceDate?.description == "2025-01-01")
        #expect(document.metadata.legalBasisAct == "lov om sygedagpenge")
    }

    @Test func citationOfASectionIsNotAHeading() {
        let text = """
            § 1. Kommunen skal tilbyde tandpleje, jf.
            § 7. Dette gælder også unge.
            § 2. Regionen betaler.
            """
        let document = RegulationParser.parse(text: text).document
        #expect(document.sections.map(\.number) == ["1", "2"])
        #expect(
            document.nodeTable().node("p1/stk1")?.children.compactMap(\.text) == [
                "Kommunen skal tilbyde tandpleje, jf. § 7.", "Dette gælder også unge.",
            ])
    }

    @Test func crlfAndByteOrderMark() throws {
        let original = try TestSupport.bytes("fixtures/layouts/numbered-chapters.txt")
        var converted: [UInt8] = [0xEF, 0xBB, 0xBF]
        for byte in original {
            if byte == 0x0A { converted.append(0x0D) }
            converted.append(byte)
        }
        let parsed = RegulationParser.parse(converted, sourceName: "crlf.txt")
        let reference = RegulationParser.parse(original).document
        #expect(parsed.document.encoding == .utf8BOM)
        #expect(parsed.document.diagnostics.map(\.code).contains(DiagnosticCode.byteOrderMark))
        #expect(parsed.document.diagnostics.map(\.code).contains(DiagnosticCode.crlf))
        #expect(parsed.document.root.isContentEqual(to: reference.root))
        #expect(TestSupport.atomViolation(parsed) == nil)
    }

    @Test func latin1IsDetectedAndDecoded() throws {
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("fixtures/layouts/dash-chapters.txt"), encoding: .utf8)
        let latin1 = try #require(text.data(using: .windowsCP1252))
        let parsed = RegulationParser.parse([UInt8](latin1), sourceName: "latin1.txt")
        #expect(parsed.document.encoding == .windows1252)
        let diagnostic = try #require(parsed.document.diagnostics.first { $0.code == DiagnosticCode.transcoded })
        #expect(diagnostic.severity == .warning)
        #expect(parsed.document.chapters.first?.title == "Formål og område")
        #expect(parsed.document.root.isContentEqual(to: RegulationParser.parse(text: text).document.root))
    }

    @Test func emptyInput() {
        let parsed = RegulationParser.parse([])
        #expect(parsed.document.root.children.isEmpty)
        #expect(parsed.document.diagnostics.map(\.code) == [DiagnosticCode.empty])
    }

    @Test func onlySectionSigns() {
        let parsed = RegulationParser.parse(text: "§ § §\n§ §")
        #expect(parsed.document.sections.isEmpty)
        #expect(parsed.document.root.all(.unplaced).count == 1)
        #expect(Set(parsed.document.diagnostics.map(\.code)) == [DiagnosticCode.unplaced, DiagnosticCode.noStructure])
        #expect(TestSupport.atomViolation(parsed) == nil)
    }

    @Test func binaryBytes() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let parsed = RegulationParser.parse(bytes)
        #expect(parsed.document.diagnostics.contains { $0.code == DiagnosticCode.controlBytes })
        #expect(parsed.document.diagnostics.contains { $0.code == DiagnosticCode.transcoded })
        #expect(TestSupport.atomViolation(parsed) == nil)
    }

    /// Control bytes in valid UTF-8 are counted in the decoding pass, eight bytes at a time: every
    /// position within a word, next to line feeds, tabs, CR, VT/FF (whitespace, not counted) and "ø".
    @Test func controlBytesCountedExactly() {
        let line = Array("§ 1. Tandplejen \t omfatter\r\n børn og unge\u{0B}\u{0C} i kommunen, særlig de små.\n".utf8)
        for offset in 0..<16 {
            var bytes = Array("Kapitel 1\n".utf8) + line + line
            // Inside "Tandplejen \t omfatter" (ASCII), never inside a "§", "ø" or "å".
            bytes.insert(0x01, at: 16 + offset)
            bytes.insert(0x7F, at: 16 + offset + 6)
            bytes.insert(0x1B, at: bytes.count - 1)
            let parsed = RegulationParser.parse(bytes)
            #expect(parsed.document.encoding == .utf8)
            let controls = parsed.document.diagnostics.filter { $0.code == DiagnosticCode.controlBytes }
            #expect(controls.map(\.message) == ["input holds 3 control bytes (binary data?); shown as U+FFFD in text"], "offset \(offset)")
            #expect(controls.first?.range.start.offset == 16 + offset)
        }
    }

    /// Latin-1 input is transcoded; its control bytes are counted where they land in the UTF-8 text.
    @Test func controlBytesInTranscodedInput() {
        let bytes: [UInt8] =
            Array("Kapitel 1\n".utf8) + [0xA7] + Array(" 1. B".utf8) + [0xF8] + Array("rn og unge".utf8) + [0x01]
            + Array(" her.\n".utf8)
        let parsed = RegulationParser.parse(bytes)
        #expect(parsed.document.encoding == .windows1252)
        let control = parsed.document.diagnostics.first { $0.code == DiagnosticCode.controlBytes }
        #expect(control?.message == "input holds 1 control bytes (binary data?); shown as U+FFFD in text")
        // "§" and "ø" take two bytes each in UTF-8: the control byte moves from offset 27 to 29.
        #expect(control?.range.start.offset == 29)
        #expect(parsed.source.bytes[29] == 0x01)
    }

    @Test func fiveMegabyteSingleLine() {
        let sentence = Array("Kommunalbestyrelsen kan jf. § 3, stk. 2, beslutte at betale 1.420 kr. årligt. ".utf8)
        var bytes: [UInt8] = Array("§ 1. ".utf8)
        bytes.reserveCapacity(5_000_100)
        while bytes.count < 5_000_000 { bytes.append(contentsOf: sentence) }
        let parsed = RegulationParser.parse(bytes)
        #expect(parsed.document.sections.count == 1)
        #expect(parsed.document.root.all(.sentence).count == (bytes.count - 5) / sentence.count)
        #expect(TestSupport.atomViolation(parsed) == nil)
    }

    @Test func outOfOrderSectionsAreDiagnosed() {
        let parsed = RegulationParser.parse(text: "§ 1. Første.\n§ 2. Anden.\n§ 2. Igen anden.\n§ 5. Femte.\n")
        #expect(parsed.document.sections.map(\.id) == ["p1", "p2", "p2~2", "p5"])
        #expect(parsed.document.diagnostics.filter { $0.severity >= .warning }.map(\.code).sorted() == ["P005", "P005", "P012"])
    }
}

@Suite("Parser on LexDania-style layouts")
struct GroupHeadingTests {
    @Test func groupHeadingsLetteredChaptersAndListsWithoutColon() throws {
        let parsed = try TestSupport.parse("fixtures/layouts/group-headings.txt")
        let document = parsed.document
        #expect(TestSupport.atomViolation(parsed) == nil)
        #expect(document.chapters.map(\.id) == ["kap2", "kap2a"])
        #expect(document.chapters.map(\.number) == ["2", "2 a"])
        #expect(document.chapters.map(\.title) == ["Beskæftigelseskrav i forhold til kommunen", "Obligatorisk digital kommunikation"])
        #expect(document.sections.map(\.number) == ["3", "4", "5", "6"])
        let index = document.nodeTable()
        #expect(index.node("p4")?.title == "Beskæftigelse og indkomster, som ikke er indberettet til indkomstregistret")
        #expect(index.node("p3/stk2")?.children.count == 1)
        #expect(index.node("p4/stk2")?.children(.item).map(\.number) == ["1", "2"])
        #expect(index.node("p5/stk1")?.plainText == "Kommunens anmodning til arbejdsløshedskassen sker på blanket DP 235 A.")
        #expect(try Address.parse("kapitel 2 a").id == "kap2a")
        #expect(index.place(of: "p6") == "Kapitel 2 a Obligatorisk digital kommunikation › § 6")
        // An extract that starts at Kapitel 2 says so.
        #expect(document.diagnostics.filter { $0.severity >= .warning }.map(\.message) == ["the first chapter is Kapitel 2"])
    }
}
