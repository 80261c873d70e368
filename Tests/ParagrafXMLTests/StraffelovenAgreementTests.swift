import Foundation
import Testing

@testable import ParagrafXML

/// Straffeloven-style acts (issue 14): `N. kapitel` chapters, lettered §§ (`§ 114 i.`) and repealed ranges
/// (`§§ 28-30. (Ophævet)`) give the same tree from LexDania XML and from the text parser, and chapter numbers have
/// one form whatever the heading writes (`Kapitel 4 A`, `4 a`, `IV`, `1. kapitel`).
@Suite("Straffeloven: LexDania and text agree (issue 14)")
struct StraffelovenAgreementTests {
    static let fixture = "fixtures/xml/straffeloven-extract.xml"
    static let structure: Set<NodeKind> = [.part, .chapter, .section, .subsection, .item]

    func trees() throws -> (xml: Document, text: Document) {
        let bytes = try Files.fixture(Self.fixture)
        let xml = LexDaniaImporter.read(bytes, sourceName: Self.fixture).document
        let root = try #require(SafeXMLParser.parseXML(bytes, source: SourceText(bytes: bytes)).root)
        let text = RegulationParser.parse(text: LexDaniaImporter.plainText(root), sourceName: "straffeloven.txt").document
        return (xml, text)
    }

    func ids(_ d: Document, _ kind: NodeKind) -> [NodeID] { d.root.all(kind).map(\.id) }

    @Test func lexDaniaReadsNumberedChaptersLetteredSectionsAndRanges() throws {
        let xml = try trees().xml
        #expect(xml.chapters.map(\.label) == ["4. kapitel", "5. kapitel", "6. kapitel", "13. kapitel"])
        #expect(xml.chapters.map(\.number) == ["4", "5", "6", "13"])
        #expect(ids(xml, .chapter) == ["kap4", "kap5", "kap6", "kap13"])
        #expect(
            ids(xml, .section) == [
                "p21", "p22", "p23", "p24", "p25", "p26", "p27", "p28", "p29", "p30", "p31", "p32", "p33", "p34", "p35",
                "p36", "p37", "p114h", "p114i", "p114j", "p115",
            ])
        #expect(xml.sections.filter(\.isRepealed).map(\.id) == ["p28", "p29", "p30", "p32", "p34", "p35", "p36", "p37"])
        let p28 = try #require(xml.nodeTable().node("p28"))
        #expect(p28.label == "§§ 28-30.")
        #expect(p28.number == "28-30")
        #expect(p28.children.map(\.id) == ["p28/stk1"])
        #expect(xml.nodeTable().node("p29")?.children.isEmpty == true)
        #expect(xml.nodeTable().node("p114i")?.number == "114 i")
        #expect(xml.nodeTable().node("p114h/stk1/nr3") != nil)
    }

    @Test func textParserGivesTheSameTree() throws {
        let (xml, text) = try trees()
        #expect(ids(text, .chapter) == ids(xml, .chapter))
        #expect(ids(text, .section) == ids(xml, .section))
        #expect(ids(text, .subsection) == ids(xml, .subsection))
        #expect(ids(text, .item) == ids(xml, .item))
        let differences = TreeDifferences(xml: xml, text: text, kinds: Self.structure)
        #expect(differences.isEmpty, "\(differences)")
        #expect(text.sections.filter(\.isRepealed).map(\.id) == xml.sections.filter(\.isRepealed).map(\.id))
        #expect(text.chapters.map(\.number) == xml.chapters.map(\.number))
        #expect(text.chapters.map(\.title) == xml.chapters.map(\.title))
    }

    /// A LexDania act with one chapter heading and one § label, as Retsinformation writes them.
    func act(chapter: String, section: String) -> Document {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Dokument><Meta><DocumentType>LBK H</DocumentType><Year>2024</Year><Number>1</Number></Meta>
            <DokumentIndhold><Kapitel><Explicatus>\(chapter)</Explicatus>
            <Paragraf><Explicatus>\(section)</Explicatus><Stk><Exitus><Linea><Char>(Ophævet)</Char></Linea></Exitus></Stk></Paragraf>
            </Kapitel></DokumentIndhold></Dokument>
            """
        return LexDaniaImporter.read(Array(xml.utf8), sourceName: "act.xml").document
    }

    @Test(arguments: [
        ("Kapitel 4 A", "4 a", "kap4a"), ("Kapitel 4 a", "4 a", "kap4a"), ("KAPITEL 4a", "4 a", "kap4a"),
        ("Kapitel 9\u{A0}b", "9 b", "kap9b"), ("Kapitel IV", "4", "kap4"), ("Kapitel VII A", "7 a", "kap7a"),
        ("1. kapitel", "1", "kap1"), ("5 a. kapitel", "5 a", "kap5a"),
    ])
    func chapterNumbersHaveOneForm(label: String, number: String, id: String) {
        let chapter = act(chapter: label, section: "§ 1.").chapters.first
        #expect(chapter?.label == Bytes.normalized(label))
        #expect(chapter?.number == number)
        #expect(chapter?.id.description == id)
    }

    @Test(arguments: [
        ("§ 7 B.", ["7 b"], ["p7b"]),
        ("§§ 52 b-52 d.", ["52 b-52 d", "52 c", "52 d"], ["p52b", "p52c", "p52d"]),
        ("§§ 21 a-23.", ["21 a-23", "22", "23"], ["p21a", "p22", "p23"]),
        ("§ 8 b. - § 9.", ["8 b-9", "9"], ["p8b", "p9"]),
        ("§§ 57. - 59.", ["57-59", "58", "59"], ["p57", "p58", "p59"]),
        ("§§ 2 A – 2 C.", ["2 a-2 c", "2 b", "2 c"], ["p2a", "p2b", "p2c"]),
        ("§§ 62 a-b.", ["62 a-62 b", "62 b"], ["p62a", "p62b"]),
        ("§§ 168 og 169", ["168 og 169", "169"], ["p168", "p169"]),
        ("§ 71 og § 71 a.", ["71 og 71 a", "71 a"], ["p71", "p71a"]),
        ("§§ 152 i – 152 l.", ["152 i-152 l", "152 j", "152 k", "152 l"], ["p152i", "p152j", "p152k", "p152l"]),
    ])
    func sectionLabelsGiveOneNodePerSection(label: String, numbers: [String], ids: [String]) {
        let document = act(chapter: "Kapitel 1", section: label)
        #expect(document.sections.map(\.number) == numbers)
        #expect(document.sections.map(\.id.description) == ids)
        #expect(document.sections.filter { !$0.isRepealed }.isEmpty)
        #expect(document.sections.first?.label == label)
    }
}
