import Foundation
import Testing

@testable import Paragraf

/// The dataset reader on real documents (BEK 871/2024 and 1658/2017 as Retsinformation's data gives them,
/// copied into `fixtures/dataset/`): metadata, structure, exact ranges into the JSON file, the partial-document
/// rule.
@Suite("Dataset reader")
struct DatasetReaderTests {
    static func read(_ name: String) throws -> ParsedDocument {
        DatasetReader.read(try TestSupport.bytes("fixtures/dataset/\(name)"), sourceName: name)
    }

    static func node(_ parsed: ParsedDocument, _ id: NodeID) -> Node? {
        var found: Node?
        parsed.document.root.forEach { if found == nil && $0.id == id { found = $0 } }
        return found
    }

    static func raw(_ parsed: ParsedDocument, _ range: SourceRange?) -> String {
        guard let range else { return "<nil>" }
        return parsed.source.string(range.offsets)
    }

    @Test("BEK 871/2024: metadata from the record, in force and repeals from the text")
    func metadata() throws {
        let parsed = try Self.read("2024_871.json")
        let m = parsed.document.metadata
        #expect(m.title == "Bekendtgørelse om tandpleje")
        #expect(m.documentType == .bekendtgoerelse)
        #expect(m.number == "871")
        #expect(m.year == 2024)
        #expect(m.accessionNumber == "B20240087105")
        #expect(m.eli == "https://www.retsinformation.dk/eli/lta/2024/871")
        #expect(m.signingDate == LegalDate("2024-06-26"))
        #expect(m.inForceDate == LegalDate("2024-07-01"))
        #expect(m.status == "in_force")
        #expect(m.repeals.map(\.number) == ["959", "706"])
        #expect(m.repeals.map(\.date) == [LegalDate("2022-06-14"), LegalDate("2024-06-11")])
        #expect(m.signers.isEmpty && m.ministry == nil && m.legalBasis == nil)
    }

    @Test("BEK 871/2024: ten chapters without titles, 38 §§, stk., inline items, sentences")
    func structure() throws {
        let parsed = try Self.read("2024_871.json")
        let d = parsed.document
        #expect(d.chapters.count == 10)
        #expect(d.chapters.map(\.id).prefix(3) == ["kap1", "kap2", "kap3"])
        #expect(d.chapters[5].label == "Kapitel 6")
        #expect(d.chapters.allSatisfy { $0.title == nil })
        #expect(d.sections.count == 38)
        #expect(d.sections.first?.label == "§ 1.")
        #expect(d.chapters[5].children.map(\.id) == ["p21", "p22", "p23"])
        // "§ 2. Børne- og ungdomstandplejen skal omfatte: 1) … 2) … 3) … 4) … Stk. 2. …" on one line.
        let p2 = try #require(Self.node(parsed, "p2"))
        #expect(p2.children.map(\.id) == ["p2/stk1", "p2/stk2", "p2/stk3", "p2/stk4"])
        let items = p2.children[0].children(.item)
        #expect(items.map(\.label) == ["1)", "2)", "3)", "4)"])
        #expect(items[1].plainText == "Undersøgelser af tand-, mund- og kæberegionens udvikling og sundhedstilstand.")
        #expect(p2.children[0].children(.sentence).first?.text == "Børne- og ungdomstandplejen skal omfatte:")
        // The repeal list of § 38, stk. 2: two items.
        let repeal = try #require(Self.node(parsed, "p38/stk2"))
        #expect(repeal.children(.item).count == 2)
        #expect(d.diagnostics.map(\.code) == [DatasetDiagnosticCode.partial])
    }

    @Test("partial: the model lists the absent parts and the tree has no nodes for them")
    func partial() throws {
        let d = try Self.read("2024_871.json").document
        #expect(d.isPartial)
        #expect(d.absentParts == [.title, .preamble, .chapterTitles, .annexes, .signature])
        #expect(d.lacks(.signature) && d.lacks(.chapterTitles))
        let kinds = Set(d.root.children.map(\.kind))
        #expect(kinds == [.chapter])
        #expect(d.annexes.isEmpty)
        // A text document is not partial.
        let text = RegulationParser.parse(text: "Bekendtgørelse om x\n§ 1. Kommunen skal.\n").document
        #expect(!text.isPartial && text.absentParts == nil)
    }

    @Test("ranges index the JSON file: labels, sentences and chapters point at their raw bytes")
    func ranges() throws {
        let parsed = try Self.read("2024_871.json")
        let p21 = try #require(Self.node(parsed, "p21"))
        #expect(Self.raw(parsed, p21.labelRange) == "§ 21.")
        let label = try #require(p21.labelRange.map { parsed.source.locations.location(of: $0.start) })
        #expect(label.line == 135)
        #expect(label.column == 16)
        let sentence = try #require(Self.node(parsed, "p21/stk1/pkt1"))
        #expect(Self.raw(parsed, sentence.range) == sentence.text)
        #expect(sentence.text?.hasPrefix("Regionsrådet skal tilbyde børn og unge omfattet af § 1 stk. 1") == true)
        let stk3 = try #require(Self.node(parsed, "p21/stk3"))
        #expect(Self.raw(parsed, stk3.labelRange) == "Stk. 3.")
        // A chapter's label range is its first provision's "chapter" value; its range runs to its last leaf.
        let kap6 = parsed.document.chapters[5]
        #expect(Self.raw(parsed, kap6.labelRange) == "6")
        #expect(kap6.range.end == kap6.children.last?.range.end)
        // Every leaf lies inside the source, and its raw bytes read as its text (no escapes in this file).
        var leaves = 0
        parsed.document.root.forEach { node in
            guard node.kind == .sentence else { return }
            leaves += 1
            #expect(node.range.end.offset <= parsed.source.bytes.count)
            #expect(Bytes.normalized(Self.raw(parsed, node.range)) == node.text)
        }
        #expect(leaves == 260)
    }

    @Test("BEK 1658/2017: “§ 35 Bekendtgørelsen …” without the period is read as § 35 (D011)")
    func headingWithoutPeriod() throws {
        let parsed = try Self.read("2017_1658.json")
        #expect(parsed.document.sections.count == 35)
        let p35 = try #require(Self.node(parsed, "p35"))
        #expect(p35.label == "§ 35.")
        #expect(Self.raw(parsed, p35.labelRange) == "§ 35")
        let d011 = parsed.document.diagnostics.filter { $0.code == DatasetDiagnosticCode.headingPeriod }
        #expect(d011.count == 1)
        #expect(d011.first.map { "\(parsed.source.locations.location(of: $0.range.start))" } == "219:21")
        #expect(parsed.document.metadata.inForceDate == LegalDate("2018-01-01"))
        #expect(parsed.document.metadata.repeals.map(\.number) == ["179"])
    }

    @Test("a record with metadata only: no nodes, a note, the metadata kept")
    func metadataOnly() throws {
        let parsed = try Self.read("2001_205.json")
        #expect(parsed.document.root.children.isEmpty)
        #expect(parsed.document.metadata.number == "205")
        #expect(parsed.document.metadata.accessionNumber == "B20010020505")
        #expect(parsed.document.diagnostics.map(\.code) == [DatasetDiagnosticCode.partial, DatasetDiagnosticCode.missingField])
    }

    @Test("escapes: text is decoded, ranges cover the raw escapes")
    func escapes() throws {
        let json =
            #"{"title": "Bekendtg\u00f8relse om x", "provisions": [{"chapter": "", "section": "1", "content": "§ 1. Kommunen skal \"straks\" tilbyde tandpleje.\nStk. 2. Regionen k\u00e6n betale."}]}"#
        let parsed = DatasetReader.read(Array(json.utf8), sourceName: "x.json")
        #expect(parsed.document.metadata.title == "Bekendtgørelse om x")
        let s1 = try #require(Self.node(parsed, "p1/stk1/pkt1"))
        #expect(s1.text == "Kommunen skal \"straks\" tilbyde tandpleje.")
        #expect(Self.raw(parsed, s1.range) == #"Kommunen skal \"straks\" tilbyde tandpleje."#)
        let s2 = try #require(Self.node(parsed, "p1/stk2/pkt1"))
        #expect(s2.text == "Regionen kæn betale.")
        #expect(Self.raw(parsed, s2.range) == #"Regionen k\u00e6n betale."#)
        #expect(parsed.document.chapters.isEmpty)
        #expect(parsed.document.sections.count == 1)
    }

    @Test("a § given twice keeps unique ids (D009); a § that is not the section field says so (D006)")
    func duplicatesAndMismatch() throws {
        let json = """
            {"title": "Dubletter", "provisions": [
             {"chapter": "1", "section": "5", "content": "§ 5. Første."},
             {"chapter": "1", "section": "5", "content": "§ 5. Anden. Stk. 2. Mere."},
             {"chapter": "2", "section": "7", "content": "§ 8. Forkert nummer."},
             {"chapter": "2", "section": "9", "content": "Tekst uden paragraf."}
            ]}
            """
        let parsed = DatasetReader.read(Array(json.utf8), sourceName: "dup.json")
        #expect(parsed.document.sections.map(\.id) == ["p5", "p5~2", "p8"])
        #expect(Self.node(parsed, "p5~2/stk2/pkt1")?.text == "Mere.")
        let codes = parsed.document.diagnostics.map { "\($0.code)@\(parsed.source.locations.location(of: $0.range.start))" }
        #expect(codes == ["D010@1:1", "D009@3:47", "D006@4:47", "D006@5:47", "P004@5:47"])
        #expect(parsed.document.chapters[1].children.map(\.kind) == [.section, .unplaced])
        #expect(parsed.document.chapters[1].children[1].text == "Tekst uden paragraf.")
    }
}
