import Foundation
import Testing

@testable import ParagrafXML

@Suite("Akoma Ntoso and HTML export")
struct ExportTests {
    static let corpusFiles = ["corpus/tandpleje/2003-bek-tandpleje.txt", "corpus/tandpleje/2020-bek-tandpleje.txt"]

    func corpusDocument(_ path: String) throws -> Document {
        DocumentReader.read(try Files.fixture(path), sourceName: path).document
    }

    @Test(.needsSchema, arguments: corpusFiles)
    func corpusVersionsAreSchemaValid(_ path: String) throws {
        guard let schema = Files.schema else { return }
        let xml = AkomaNtosoExporter().export(try corpusDocument(path))
        let problems = SchemaValidator(schemaPath: schema.path).validate(xml)
        #expect(problems.isEmpty, "\(problems.prefix(5).map { "\($0.range.start): \($0.message)" })")
    }

    @Test(.needsSchema, .needsLexDania, arguments: samples.map(\.file))
    func lexDaniaSamplesAreSchemaValid(_ file: String) throws {
        guard let schema = Files.schema, let url = Files.lexdania(file) else { return }
        let document = DocumentReader.read(try Files.bytes(url), sourceName: file).document
        let xml = AkomaNtosoExporter().export(document)
        let problems = SchemaValidator(schemaPath: schema.path).validate(xml)
        #expect(problems.isEmpty, "\(problems.prefix(5).map { "\($0.range.start): \($0.message)" })")
        if let eli = document.metadata.eli { #expect(xml.contains("<FRBRalias value=\"\(eli)\" name=\"eli\"/>")) }
    }

    /// The validator is not a rubber stamp: broken exports are rejected with positions.
    @Test(.needsSchema) func validatorRejectsInvalidAkomaNtoso() throws {
        guard let schema = Files.schema else { return }
        let xml = AkomaNtosoExporter().export(try corpusDocument(Self.corpusFiles[1]))
        let validator = SchemaValidator(schemaPath: schema.path)
        let missingBody = xml.replacingOccurrences(of: "<body>", with: "<bodyx>").replacingOccurrences(of: "</body>", with: "</bodyx>")
        let problems = validator.validate(missingBody)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.code == XMLDiagnosticCode.schema })
        #expect(problems.first.map { SourceText(bytes: Array(missingBody.utf8)).locations.location(of: $0.range.start).line } ?? 0 > 1)
        let badEId = xml.replacingOccurrences(of: "eId=\"chp_1\"", with: "eId=\"chp 1\"")
        #expect(!validator.validate(badEId).isEmpty)
        #expect(!validator.validate("<akomaNtoso").isEmpty)
    }

    @Test("Escaping replaces exactly the characters XML needs, and leaves other text as it is")
    func xmlEscaping() {
        #expect(XMLWriter.escape("§ 17, stk. 3 – tandplejen") == "§ 17, stk. 3 – tandplejen")
        #expect(XMLWriter.escape("a < b & c > \"d\"") == "a &lt; b &amp; c &gt; \"d\"")
        #expect(XMLWriter.escape("\"d\"", attribute: true) == "&quot;d&quot;")
        #expect(XMLWriter.escape("a\u{1}b\tc\nd") == "a b\tc\nd")
    }

    @Test("Clashing eIds take _2, _3 … in document order, skipping one a provision already has")
    func clashingEIdsAreNumbered() {
        let range = SourceRange(0..<0)
        func section(_ id: NodeID, _ number: String) -> Node { Node(kind: .section, id: id, number: number, range: range) }
        // Four §§ numbered 5 (a synthetic clash) and one numbered "5_3" whose eId is taken before its turn.
        let root = Node(
            kind: .document, id: "document", range: range,
            children: [section("a", "5"), section("b", "5_3"), section("c", "5"), section("d", "5"), section("e", "5")])
        let document = Document(
            sourceName: "clash", encoding: .utf8, sourceLength: 0, metadata: Metadata(), root: root, diagnostics: [])
        let eIds = AkomaNtosoNaming.eIds(of: document)
        #expect(["a", "b", "c", "d", "e"].map { eIds[$0] } == ["sec_5", "sec_5_3", "sec_5_2", "sec_5_4", "sec_5_5"])
    }

    @Test func structureAndIdentifiers() throws {
        let document = try corpusDocument(Self.corpusFiles[1])
        let xml = AkomaNtosoExporter().export(document)
        let parsed = try #require(SafeXMLParser.parseXML(Array(xml.utf8), source: SourceText(bytes: Array(xml.utf8))).root)
        var counts: [String: Int] = [:]
        var eIds: [String] = []
        parsed.forEachElement { e in
            counts[e.name, default: 0] += 1
            if let id = e.attribute("eId") { eIds.append(id) }
        }
        #expect(counts["chapter"] == document.count(.chapter))
        #expect(counts["section"] == document.count(.section))
        #expect(counts["subsection"] == document.count(.subsection))
        #expect(counts["point"] == document.count(.item))
        #expect(Set(eIds).count == eIds.count)
        #expect(eIds.contains("chp_1__sec_1__subsec_2__sent_2"))
        #expect(eIds.contains("chp_10__sec_38"))
        #expect(xml.contains("<FRBRuri value=\"/akn/dk/act/bek/2020-06-30/tandpleje\"/>"))
        #expect(xml.contains("<eventRef eId=\"evt_signed\" date=\"2020-06-30\""))
        #expect(xml.contains("<eventRef eId=\"evt_inforce\" date=\"2020-07-01\""))
        #expect(xml.contains("<destination href=\"/akn/dk/act/bek/2017/1658\"/>"))
        #expect(xml.contains("<date date=\"2020-06-30\">30. juni 2020</date>"))
        // Every sentence's text is in the export, escaped.
        let sentences = document.root.all(.sentence)
        #expect(sentences.allSatisfy { xml.contains(XMLWriter.escape($0.text ?? "")) })
        #expect(counts["attachment"] == document.count(.annex))
    }

    @Test func citationsBecomeRefs() throws {
        let document = try corpusDocument(Self.corpusFiles[1])
        let sentence = try #require(document.nodeTable().node("p1/stk2/pkt1"))
        let text = try #require(sentence.text)
        let citation = try #require(text.range(of: "§ 18, stk. 3"))
        let start = text.utf8.distance(from: text.startIndex, to: citation.lowerBound)
        let length = text[citation].utf8.count
        let exporter = AkomaNtosoExporter(links: [
            sentence.id: [InlineLink(utf8Range: start..<(start + length), href: "#chp_5__sec_18__subsec_3")]
        ])
        let xml = exporter.export(document)
        #expect(xml.contains("jf. dog <ref href=\"#chp_5__sec_18__subsec_3\">§ 18, stk. 3</ref>."))
        if let schema = Files.schema {
            #expect(SchemaValidator(schemaPath: schema.path).validate(xml).isEmpty)
        }
        let html = HTMLExporter(links: exporter.links).export(document)
        #expect(html.contains("<a href=\"#chp_5__sec_18__subsec_3\">§ 18, stk. 3</a>"))
    }

    @Test func htmlPageHasAnAnchorPerProvision() throws {
        let document = try corpusDocument(Self.corpusFiles[0])
        let html = HTMLExporter().export(document)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        let eIds = AkomaNtosoNaming.eIds(of: document)
        for node in document.root.all(.section) + document.root.all(.subsection) + document.root.all(.item) + document.root.all(.chapter) {
            #expect(html.contains("id=\"\(eIds[node.id]!)\""), "\(node.id)")
        }
        #expect(html.contains("<a class=\"label\" href=\"#chp_1__sec_1\" aria-label=\"§ 1\">§ 1.</a>"))
        #expect(html.contains("<nav aria-label=\"Indholdsfortegnelse\">"))
        // Well-formed as XML too (the writer escapes everything), so it parses without errors.
        let parsed = SafeXMLParser.parseXML(Array(html.utf8), source: SourceText(bytes: Array(html.utf8)))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(!html.contains("<script"))
    }

    @Test(.needsLexDania) func lexDaniaNotesAppearInBothExports() throws {
        guard let url = Files.lexdania("LBK-2024-62-hold-af-dyr.xml") else { return }
        let document = DocumentReader.read(try Files.bytes(url)).document
        let xml = AkomaNtosoExporter().export(document)
        #expect(xml.components(separatedBy: "<note eId=").count - 1 == 26)
        // The one footnote in the body is referenced where it stands.
        #expect(xml.components(separatedBy: "<noteRef href=\"#note_").count - 1 == 1)
        #expect(xml.components(separatedBy: "<p class=\"inForce\">").count - 1 == 24)
        let html = HTMLExporter().export(document)
        #expect(html.contains("Bestemmelsen blev ved en fejl indsat som § 66 a i kapitel 13"))
    }
}

@Suite("Citation links")
struct CitationLinkTests {
    @Test func corpusCitationsLinkToExistingProvisions() throws {
        let parsed = DocumentReader.read(try Files.fixture("corpus/tandpleje/2020-bek-tandpleje.txt"), sourceName: "2020")
        let links = CitationLinker.links(for: parsed)
        let all = links.values.flatMap { $0 }
        #expect(all.count > 50)
        let eIds = Set(AkomaNtosoNaming.eIds(of: parsed.document).values)
        let index = parsed.document.nodeTable()
        for (leafID, leafLinks) in links {
            let text = Array((index.node(leafID)?.text ?? "").utf8)
            for link in leafLinks {
                #expect(link.utf8Range.upperBound <= text.count)
                if link.href.hasPrefix("#") {
                    #expect(eIds.contains(String(link.href.dropFirst())), "\(link.href)")
                } else {
                    #expect(link.href.hasPrefix("https://www.retsinformation.dk/eli/lta/"))
                }
            }
        }
        // "jf. dog § 18, stk. 3" in § 1, stk. 2 points at § 18, stk. 3.
        let p1 = try #require(links["p1/stk2/pkt1"]?.first)
        let p18 = try #require(AkomaNtosoNaming.eIds(of: parsed.document)["p18/stk3"])
        #expect(p1.href == "#" + p18)
        // The preamble's "lovbekendtgørelse nr. 903 af 26. august 2019" links to its ELI.
        #expect(links["preamble"]?.contains { $0.href == "https://www.retsinformation.dk/eli/lta/2019/903" } == true)
        let xml = AkomaNtosoExporter(links: links).export(parsed.document)
        #expect(xml.contains("<ref href=\"#\(p18)\">§ 18, stk. 3</ref>"))
        if let schema = Files.schema {
            #expect(SchemaValidator(schemaPath: schema.path).validate(xml).isEmpty)
        }
    }
}
