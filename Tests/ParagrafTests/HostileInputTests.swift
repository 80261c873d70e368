import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

/// Inputs built to hurt: huge lines, floods of markers, binary noise, broken encodings. Each must
/// parse in one linear pass (a few seconds at most in a debug build), keep every byte in the tree
/// and say what it found. The assertions are about outcomes (node counts, diagnostic codes);
/// speed is measured by `tools/bench.sh`, not here.
@Suite("Hostile inputs")
struct HostileInputTests {
    static func counts(_ document: Document) -> [NodeKind: Int] {
        var counts: [NodeKind: Int] = [:]
        document.root.forEach { counts[$0.kind, default: 0] += 1 }
        return counts
    }

    static func codes(_ document: Document) -> Set<String> { Set(document.diagnostics.map(\.code)) }

    /// Nodes per input byte stay small: the tree does not grow faster than the input.
    static func expectBoundedTree(_ document: Document, bytes: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let nodes = counts(document).values.reduce(0, +)
        #expect(nodes <= bytes / 4 + 10, "\(nodes) nodes for \(bytes) bytes", sourceLocation: sourceLocation)
        #expect(document.diagnostics.count <= 20 * DiagnosticSink.limitPerCode, sourceLocation: sourceLocation)
    }

    @Test("20 000 \"§§ 1-999. (Ophævet)\" lines: the empty §§ of ranges stay bounded by the input")
    func floodOfRanges() {
        let line = "§§ 1-999. (Ophævet)\n"
        let bytes = Array(String(repeating: line, count: 20_000).utf8)
        let document = RegulationParser.parse(bytes).document
        Self.expectBoundedTree(document, bytes: bytes.count)
        let sections = document.sections
        // Every line is a heading (numbers going back after "(Ophævet)", with P005), the first ranges expanded.
        #expect(sections.filter { $0.label != nil }.count == 20_000)
        // One § per 16 input bytes may lie between the ends of ranges (997 each here); the rest are their two ends.
        let expanded = bytes.count / 16 / 997
        #expect(bytes.count == 460_000 && expanded == 28)
        #expect(sections.count == 20_000 + expanded * 998 + (20_000 - expanded))
        #expect(Self.codes(document).contains(DiagnosticCode.sectionOrder))
    }

    @Test("a 5 MB single line of prose: one unplaced node, no structure")
    func singleLineProse() {
        let sentence = "Tandpleje ydes efter reglerne i denne bekendtgørelse. "
        let input = Array(String(repeating: sentence, count: 5_000_000 / sentence.utf8.count).utf8)
        #expect(input.count > 4_900_000)
        let parsed = RegulationParser.parse(input, sourceName: "line")
        let c = Self.counts(parsed.document)
        #expect(c[.unplaced] == 1)
        #expect(c.values.reduce(0, +) == 2)
        #expect(Self.codes(parsed.document) == [DiagnosticCode.noStructure, DiagnosticCode.unplaced])
        #expect(Atoms.violations(parsed).isEmpty)
    }

    @Test("a 5 MB single line of flattened §§: every § and stk. found mid-line")
    func singleLineSections() {
        // § numbers have at most four digits, so each § carries about 550 bytes: 5 sentences in 2 stk.
        let filler = String(repeating: "forebyggende og behandlende tandpleje for børn og unge, ", count: 4)
        var text = ""
        var k = 0
        while text.utf8.count < 5_000_000 {
            k += 1
            text +=
                "§ \(k). Kommunen tilbyder \(filler)jf. § 1. Det gælder også \(filler)i regionen. "
                + "Stk. 2. Regionen betaler efter § \(k), stk. 1. Den kan \(filler)opkræve betaling. Udgiften refunderes. "
        }
        let parsed = RegulationParser.parse(Array(text.utf8), sourceName: "sections-line")
        let c = Self.counts(parsed.document)
        #expect(c[.section] == k)
        #expect(c[.subsection] == 2 * k)
        #expect(c[.sentence] == 5 * k)
        // No title, no signature: notes say so.
        #expect(parsed.document.diagnostics.filter { $0.code == DiagnosticCode.metadata }.count == 2)
        #expect(Atoms.violations(parsed).isEmpty)
        Self.expectBoundedTree(parsed.document, bytes: text.utf8.count)
    }

    @Test("a million \"§ \": no section, one unplaced node")
    func millionSectionSigns() {
        let input = Array(String(repeating: "§ ", count: 1_000_000).utf8)
        let parsed = RegulationParser.parse(input, sourceName: "paragraphs")
        #expect(parsed.document.sections.isEmpty)
        #expect(Self.counts(parsed.document)[.unplaced] == 1)
        #expect(Self.codes(parsed.document).contains(DiagnosticCode.noStructure))
        #expect(Atoms.violations(parsed).isEmpty)
    }

    @Test("a million \"§ \" lines after a real § stay text of it")
    func millionSectionSignLines() {
        let input = Array(("§ 1. Tekst.\n" + String(repeating: "§ \n", count: 1_000_000)).utf8)
        let parsed = RegulationParser.parse(input, sourceName: "paragraph-lines")
        #expect(parsed.document.sections.count == 1)
        #expect(Self.counts(parsed.document)[.sentence] == 1)
        #expect(Atoms.violations(parsed).isEmpty)
    }

    @Test("200 000 \"Stk. 2.\" lines: one Stk. 2, the repeats kept as text with capped P006 warnings")
    func repeatedSubsections() {
        let input = Array(("§ 1. Tekst.\n" + String(repeating: "Stk. 2.\n", count: 200_000)).utf8)
        let parsed = RegulationParser.parse(input, sourceName: "stk")
        let c = Self.counts(parsed.document)
        #expect(c[.section] == 1)
        #expect(c[.subsection] == 2)
        #expect(c[.sentence] == 1 + 199_999)
        let p006 = parsed.document.diagnostics.filter { $0.code == DiagnosticCode.subsectionOrder }
        #expect(p006.count == DiagnosticSink.limitPerCode + 1)
        #expect(p006.last?.message == "198999 more P006 diagnostics like the ones above are not shown")
        #expect(p006.first?.message == "Stk. 2 repeats in § 1 after Stk. 2; kept as text")
        #expect(Atoms.violations(parsed).isEmpty)
        Self.expectBoundedTree(parsed.document, bytes: input.count)
    }

    @Test("200 000 \"Stk. 2.\" on one line: one Stk. 2 holding the rest")
    func repeatedSubsectionsOneLine() {
        let input = Array(("§ 1. Tekst.\n" + String(repeating: "Stk. 2.", count: 200_000)).utf8)
        let parsed = RegulationParser.parse(input, sourceName: "stk-line")
        let c = Self.counts(parsed.document)
        #expect(c[.subsection] == 2)
        #expect(c[.sentence] == 2)
        #expect(Atoms.violations(parsed).isEmpty)
    }

    @Test("1 MB of random bytes: transcoded, control bytes flagged, all unplaced")
    func randomBytes() {
        var rng = SplitMix64(seed: 0x5EED)
        let input = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let parsed = RegulationParser.parse(input, sourceName: "random")
        #expect(parsed.document.encoding == .windows1252)
        #expect(
            Self.codes(parsed.document).isSuperset(of: [
                DiagnosticCode.transcoded, DiagnosticCode.controlBytes, DiagnosticCode.noStructure,
            ]))
        #expect(parsed.document.sections.isEmpty)
        #expect(Atoms.violations(parsed).isEmpty)
        // Every leaf's text is valid UTF-8 without raw control characters.
        parsed.document.root.forEach { node in
            if let text = node.text { #expect(!text.unicodeScalars.contains { $0.value < 0x20 }) }
        }
    }

    @Test("random printable-ASCII noise with markers sprinkled in parses every time", arguments: 0..<8)
    func markerNoise(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var input: [UInt8] = []
        while input.count < 200_000 {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                input += Mutator.tokens.randomElement(using: &rng)!
            } else {
                input.append(UInt8.random(in: 0x20...0x7E, using: &rng))
            }
        }
        let parsed = RegulationParser.parse(input, sourceName: "noise\(seed)")
        #expect(Atoms.violations(parsed).isEmpty)
        Self.expectBoundedTree(parsed.document, bytes: input.count)
    }

    @Test("100 000 chained \"jf. § 1, stk. 1,\" citations: one sentence of one §")
    func chainedCitationsParse() {
        let input = Array(("§ 1. Tekst " + String(repeating: "jf. § 1, stk. 1, ", count: 100_000) + "gælder.").utf8)
        let parsed = RegulationParser.parse(input, sourceName: "jf")
        let c = Self.counts(parsed.document)
        #expect(c[.section] == 1)
        #expect(c[.sentence] == 1)
        #expect(Atoms.violations(parsed).isEmpty)
    }

    @Test("a file valid UTF-8 only in parts: the Latin-1 chapter is repaired, the structure is intact")
    func partlyUTF8() throws {
        let original = try TestFiles.corpus("2020-bek-tandpleje.txt")
        let text = String(decoding: original, as: UTF8.self)
        let reference = RegulationParser.parse(original).document
        // Re-encode Kapitel 3 (up to Kapitel 4) as ISO-8859-1.
        let start = try #require(text.range(of: "Kapitel 3 "))
        let end = try #require(text.range(of: "Kapitel 4 "))
        let latin1 = text[start.lowerBound..<end.lowerBound].unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let input = Array(text[..<start.lowerBound].utf8) + latin1 + Array(text[end.lowerBound...].utf8)
        let parsed = RegulationParser.parse(input, sourceName: "mixed")
        #expect(parsed.document.encoding == .mixed)
        let p001 = try #require(parsed.document.diagnostics.first { $0.code == DiagnosticCode.transcoded })
        #expect(p001.severity == .warning)
        #expect(parsed.document.root.isContentEqual(to: reference.root))
        #expect(Atoms.violations(parsed).isEmpty)
    }

    /// Found by `markerNoise` (seed 7): the "." of "Afsnit II . Titel" lay in no atom.
    @Test("a separator between heading label and title lies in an atom (regression)")
    func headingSeparator() throws {
        let url = TestFiles.packageRoot.appendingPathComponent("fixtures/regressions/heading-separator.txt")
        let parsed = RegulationParser.parse([UInt8](try Data(contentsOf: url)), sourceName: "separator")
        #expect(Atoms.violations(parsed).isEmpty)
        let parts = parsed.document.root.all(.part)
        #expect(parts.map(\.title) == ["Almindelige regler"])
        #expect(parsed.document.chapters.map(\.title) == ["Område", nil, "Titel på næste linje"])
        #expect(parsed.document.sections.count == 3)
    }

    /// Found by `tools/fuzz.sh parser` (libFuzzer crash artifact, Windows-1252 bytes included): a heading
    /// followed only by separators ("Afsnit II ..", "Kapitel 2 -") left the last separator in no atom.
    @Test("a heading with only separators after its label (fuzz regression)")
    func separatorOnlyHeading() throws {
        let url = TestFiles.packageRoot.appendingPathComponent("fixtures/regressions/fuzz-parser-separator-only-heading.txt")
        let parsed = RegulationParser.parse([UInt8](try Data(contentsOf: url)), sourceName: "fuzz")
        #expect(Atoms.violations(parsed).isEmpty)
        #expect(parsed.document.encoding == .windows1252)
        let part = try #require(parsed.document.root.all(.part).first)
        #expect(part.title == nil)
        #expect(part.titleRange.map { parsed.source.string($0.offsets) } == "..")
        // "Ke linj?e ⏎ § 2. Tekst.": § 2 continues the numbering after § 1, so it is a heading whatever the line
        // before ends with (issue 14); it was text of § 1 before.
        #expect(parsed.document.sections.map(\.number) == ["1", "2"])
    }

    @Test("a sentence with 2 000 repealed numbers stays linear (regression: quadratic metadata scan)")
    func manyRepealedNumbers() throws {
        let url = TestFiles.packageRoot.appendingPathComponent("fixtures/regressions/metadata-repeals-2000-numbers.txt")
        let parsed = RegulationParser.parse([UInt8](try Data(contentsOf: url)), sourceName: "repeals")
        let repeals = parsed.document.metadata.repeals
        #expect(repeals.count == 2000)
        #expect(repeals.first?.type == .bekendtgoerelse)
        #expect(repeals.first?.text == "Bekendtgørelse nr. 1 af 1. januar 2004")
        #expect(repeals.last?.date == LegalDate(year: 2004, month: 1, day: 1))
        #expect(Atoms.violations(parsed).isEmpty)
    }
}
