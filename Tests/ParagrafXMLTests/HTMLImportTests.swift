import Foundation
import Testing

@testable import ParagrafXML

@Suite("HTML import")
struct HTMLImportTests {
    func allText(_ d: Document) -> String {
        var parts: [String] = []
        d.root.forEach { n in
            if let t = n.text { parts.append(t) }
            if let t = n.title { parts.append(t) }
            if let l = n.label { parts.append(l) }
        }
        return parts.joined(separator: "\n")
    }

    @Test func retsinformationPage() throws {
        let bytes = try Files.fixture("fixtures/xml/retsinformation-tandpleje-extract.html")
        #expect(DocumentReader.detect(bytes) == .html)
        let d = DocumentReader.read(bytes, sourceName: "extract.html").document
        #expect(d.count(.chapter) == 2)
        #expect(d.root.all(.section).map(\.id) == ["p1", "p2", "p3"])
        #expect(d.count(.subsection) == 5)
        #expect(d.root.all(.item).map(\.id) == ["p2/stk1/nr1", "p2/stk1/nr2"])
        #expect(d.nodeTable().node("kap1")?.title == "Børne- og ungdomstandpleje")
        #expect(d.nodeTable().node("p1/stk2")?.children.count == 2)
        #expect(d.metadata.title == "Bekendtgørelse om tandpleje")
        #expect(d.metadata.legalBasisAct == "sundhedsloven")
        #expect(d.metadata.signingDate == LegalDate(year: 2020, month: 6, day: 30))
        #expect(d.metadata.inForceDate == LegalDate(year: 2020, month: 7, day: 1))
        #expect(d.metadata.repeals.first?.number == "1658")
        #expect(d.metadata.signers == ["Magnus Heunicke", "Louise Filt"])
        // HTML5 elements unknown to libxml2's HTML 4 parser are not reported as problems.
        #expect(d.diagnostics.isEmpty, "\(d.diagnostics.map(\.message))")
        #expect(d.count(.unplaced) == 0)
        // No furniture: cookie banner, menus, scripts, sidebar, footer.
        let text = allText(d)
        for furniture in ["cookies", "Forside", "Søg", "§ 99", "Relaterede", "Gothersgade", "Til toppen", "dataLayer"] {
            #expect(!text.contains(furniture), "\(furniture) leaked into the document")
        }
        // &nbsp; arrives as U+00A0 and is normalised like any space.
        #expect(d.nodeTable().node("p1/stk1/pkt1")?.text?.contains("under 18 år") == true)
    }

    @Test func genericPageReadsOnlyTheMainContent() throws {
        let bytes = try Files.fixture("fixtures/xml/municipality-page.html")
        #expect(DocumentReader.detect(bytes) == .html)
        let page = SafeXMLParser.parseHTML(bytes, source: SourceText(bytes: bytes))
        let lines = HTMLImporter.extractText(try #require(page.root)).split(separator: "\n").map(String.init)
        #expect(lines.first == "Bekendtgørelse om tandpleje")
        #expect(lines.contains("§ 1. Kommunalbestyrelsen skal tilbyde omsorgstandpleje til personer, der bor i eget hjem."))
        #expect(lines.contains("Stk. 2. Tilbuddet omfatter:"))
        #expect(lines.contains("1) forebyggelse,"))
        #expect(
            !lines.contains { $0.contains("cookies") || $0.contains("Borger") || $0.contains("Facebook") || $0.contains("Rådhuspladsen") })
        let d = DocumentReader.read(bytes, sourceName: "page.html").document
        #expect(d.root.all(.section).map(\.id) == ["p1", "p2"])
        #expect(d.root.all(.item).map(\.id) == ["p1/stk2/nr1", "p1/stk2/nr2"])
        #expect(d.metadata.signingDate == LegalDate(year: 2003, month: 12, day: 11))
        #expect(d.metadata.signers == ["Lars Løkke Rasmussen", "Ulla Kallestrup"])
    }

    @Test func latin1PageWithoutCharsetIsDecoded() {
        // "§ 1. Tandplejen er gratis for børn." in ISO-8859-1, no charset declared.
        var bytes = Array("<html><body><p>".utf8)
        bytes += [0xA7] + Array(" 1. Tandplejen er gratis for b".utf8) + [0xF8] + Array("rn.</p></body></html>".utf8)
        let d = DocumentReader.read(bytes, sourceName: "latin1.html").document
        #expect(d.nodeTable().node("p1/stk1/pkt1")?.text == "Tandplejen er gratis for børn.")
    }

    @Test func pageWithoutTextIsReported() {
        let d = DocumentReader.read(Array("<html><body><nav>Menu</nav><script>x()</script></body></html>".utf8)).document
        #expect(d.diagnostics.contains { $0.code == XMLDiagnosticCode.emptyHTML })
        #expect(d.root.children.isEmpty)
    }
}

@Suite("Format detection")
struct DetectionTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<Dokument><Meta/></Dokument>", DocumentFormat.lexDania),
        ("\u{FEFF}  <Dokument id=\"x\"><DokumentIndhold/></Dokument>", .lexDania),
        ("<!DOCTYPE html><html><body><p>§ 1.</p></body></html>", .html),
        ("<html lang=\"da\">", .html),
        ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", .html),
        ("Bekendtgørelse om tandpleje\n§ 1. Tekst.", .text),
        ("§ 1. <b>ikke</b> markup først", .text),
        ("", .text),
        ("{\n \"id\": \"2022:959\",\n \"title\": \"Bekendtgørelse om tandpleje\",\n \"provisions\": []}", .dataset),
        ("\u{FEFF}{\"short_name\": \"BEK H\"}", .dataset),
        ("{ ikke JSON, bare en krøllet parentes }", .text),
    ])
    func detects(_ input: String, _ expected: DocumentFormat) {
        #expect(DocumentReader.detect(Array(input.utf8)) == expected)
    }

    @Test func datasetGoesToTheDatasetReader() throws {
        let bytes = try Files.fixture("fixtures/dataset/2024_871.json")
        let viaReader = DocumentReader.read(bytes, sourceName: "871").document
        #expect(viaReader == DatasetReader.read(bytes, sourceName: "871").document)
        #expect(viaReader.sections.count == 38)
        #expect(viaReader.isPartial)
    }

    @Test func textGoesToTheTextParser() throws {
        let bytes = try Files.fixture("corpus/tandpleje/2020-bek-tandpleje.txt")
        let viaReader = DocumentReader.read(bytes, sourceName: "2020").document
        let direct = RegulationParser.parse(bytes, sourceName: "2020").document
        #expect(viaReader == direct)
    }
}
