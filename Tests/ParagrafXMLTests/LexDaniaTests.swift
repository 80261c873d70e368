import Foundation
import Testing

@testable import ParagrafXML

/// Expected counts, computed independently from the XML with Python's ElementTree: chapters = `Kapitel`;
/// §§ = `Paragraf` + `AendringCentreretParagraf` + `IkraftCentreretParagraf`; stk. = `Stk` plus one
/// implicit stk. per § without `Stk`; nr. = `Indentatio` + `AendringsNummer` — all outside `Ikraft`,
/// `Nota` and quoted new text (`AendringNyTekst`).
struct Expected: Sendable, CustomTestStringConvertible {
    var file: String
    var chapters: Int
    var sections: Int
    var subsections: Int
    var items: Int
    var footnotes: Int
    var inForceNotes: Int
    var testDescription: String { file }
}

let samples: [Expected] = [
    Expected(file: "BEK-2024-1709-sygedagpenge.xml", chapters: 11, sections: 30, subsections: 79, items: 20, footnotes: 0, inForceNotes: 0),
    Expected(file: "LBK-2024-62-hold-af-dyr.xml", chapters: 18, sections: 93, subsections: 196, items: 84, footnotes: 26, inForceNotes: 24),
    Expected(
        file: "LOV-2023-1547-aendring-hold-af-dyr.xml", chapters: 0, sections: 7, subsections: 8, items: 10, footnotes: 0, inForceNotes: 0),
]

@Suite("LexDania import")
struct LexDaniaTests {
    @Test(.needsLexDania, arguments: samples)
    func exactCounts(_ expected: Expected) throws {
        guard let url = Files.lexdania(expected.file) else { return }
        let parsed = DocumentReader.read(try Files.bytes(url), sourceName: expected.file)
        let d = parsed.document
        #expect(d.count(.chapter) == expected.chapters)
        #expect(d.count(.section) == expected.sections)
        #expect(d.count(.subsection) == expected.subsections)
        #expect(d.count(.item) == expected.items)
        #expect(d.count(.unplaced) == 0)
        #expect(d.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        let notes = d.metadata.notes ?? []
        #expect(notes.filter { $0.kind == .footnote }.count == expected.footnotes)
        #expect(notes.filter { $0.kind == .inForce }.count == expected.inForceNotes)
    }

    @Test(.needsLexDania, arguments: samples)
    func rangesLieInTheFileAndPointAtTheText(_ expected: Expected) throws {
        guard let url = Files.lexdania(expected.file) else { return }
        let bytes = try Files.bytes(url)
        let parsed = LexDaniaImporter.read(bytes, sourceName: expected.file)
        var checked = 0
        parsed.document.root.forEach { node in
            #expect(node.range.start.offset >= 0 && node.range.start.offset <= node.range.end.offset)
            #expect(node.range.end.offset <= bytes.count)
            if node.kind == .sentence, let text = node.text, !text.contains("&"), !text.contains("»"), !text.contains("«") {
                // The sentence's first and last words are where its range says.
                // The raw bytes with markup between Char/Linea elements removed, whitespace normalised.
                let raw = Bytes.normalized(
                    parsed.source.string(node.range.offsets).replacingOccurrences(
                        of: "<[^>]*>", with: " ", options: .regularExpression)
                ).replacingOccurrences(of: " ,", with: ",")
                #expect(raw.hasPrefix(String(text.prefix(12))), "\(node.id): \(raw.prefix(40))")
                #expect(raw.hasSuffix(String(text.suffix(6))), "\(node.id): …\(raw.suffix(40))")
                checked += 1
            }
            if let label = node.label, let r = node.labelRange {
                #expect(parsed.source.string(r.offsets) == label, "\(node.id)")
            }
        }
        #expect(checked > 15)
    }

    @Test(.needsLexDania) func bekendtgoerelseMetadata() throws {
        guard let url = Files.lexdania("BEK-2024-1709-sygedagpenge.xml") else { return }
        let d = LexDaniaImporter.read(try Files.bytes(url)).document
        let m = d.metadata
        #expect(m.documentType == .bekendtgoerelse)
        #expect(m.title == "Bekendtgørelse om opgørelse af beskæftigelseskrav og beregning af sygedagpenge m.v.")
        #expect(m.number == "1709")
        #expect(m.year == 2024)
        #expect(m.accessionNumber == "B20240170905")
        #expect(m.status == "Historic")
        #expect(m.signingDate == LegalDate(year: 2024, month: 12, day: 30))
        #expect(m.inForceDate == LegalDate(year: 2024, month: 12, day: 30))
        #expect(m.endDate == LegalDate(year: 2025, month: 6, day: 21))
        #expect(m.ministry == "Beskæftigelsesministeriet")
        #expect(m.signers == ["Jens Erik Zebis", "Kirsten Brix Pedersen"])
        #expect(m.eli == "https://www.retsinformation.dk/eli/lta/2024/1709")
        #expect(m.legalBasisAct == "lov om sygedagpenge")
        #expect(m.legalBasis?.hasPrefix("I medfør af § 6, stk. 2, § 24 c, stk. 2") == true)
        // Chapter titles, a group heading on its first §, and items.
        let index = d.nodeTable()
        #expect(index.node("kap5")?.title == "Beregning af sygedagpenge til lønmodtagere")
        #expect(index.node("p6")?.title == "Opgørelse af timefortjeneste til brug for kommunens udbetaling af sygedagpenge")
        #expect(index.node("p7")?.title == nil)
        #expect(index.node("p2/stk1/nr3")?.plainText.hasPrefix("om lønmodtageren tidligere") == true)
        #expect(index.node("p3/stk3")?.children.count == 2)
        #expect(d.root.children.last?.kind == .signature)
        #expect(
            d.root.children.last?.text
                == "Styrelsen for Arbejdsmarked og Rekruttering, den 30. december 2024 Jens Erik Zebis / Kirsten Brix Pedersen")
    }

    @Test(.needsLexDania) func consolidatedActMetadataAndNotes() throws {
        guard let url = Files.lexdania("LBK-2024-62-hold-af-dyr.xml") else { return }
        let d = LexDaniaImporter.read(try Files.bytes(url)).document
        let m = d.metadata
        #expect(m.documentType == .lovbekendtgoerelse)
        #expect(m.number == "62")
        #expect(m.status == "Valid")
        #expect(m.inForceDate == LegalDate(year: 2024, month: 1, day: 23))
        #expect(m.ministry == "Ministeriet for Fødevarer, Landbrug og Fiskeri")
        #expect(m.eli == "https://www.retsinformation.dk/eli/lta/2024/62")
        let index = d.nodeTable()
        // "Kapitel 6 a" and inserted §§ keep their letters.
        #expect(index.node("kap6a")?.number == "6 a")
        #expect(index.node("p36c")?.label == "§ 36 c.")
        #expect(index.node("p3a") != nil && index.node("p34d") != nil)
        // The one footnote in the body is anchored where it stands; the note text is not in the sentence.
        let anchored = (m.notes ?? []).filter { $0.anchor != nil }
        #expect(anchored.count == 1)
        if let note = anchored.first, let anchor = note.anchor {
            #expect(index.node(anchor) != nil)
            #expect(!(index.node(anchor)?.plainText.contains(note.text) ?? true))
        }
        // A note inside an Ikraft sentence does not break it: "Erhvervsministeren kan efter høring …".
        let transitional = (m.notes ?? []).first { $0.kind == .inForce && $0.text.contains("Lov nr. 1715 af 27. december 2016") }
        #expect(transitional?.text.contains("Erhvervsministeren kan efter høring af miljø- og fødevareministeren") == true)
        // Nested lists are litra under items.
        #expect(d.root.all(.item).contains { $0.id.depth == 4 })
    }

    @Test(.needsLexDania) func amendingActItemsHoldTheQuotedText() throws {
        guard let url = Files.lexdania("LOV-2023-1547-aendring-hold-af-dyr.xml") else { return }
        let d = LexDaniaImporter.read(try Files.bytes(url)).document
        #expect(d.metadata.documentType == .lov)
        #expect(d.metadata.number == "1547")
        let index = d.nodeTable()
        #expect(
            index.node("p1/stk1/pkt1")?.text
                == "I lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022, foretages følgende ændringer:")
        let first = index.node("p1/stk1/nr1")
        #expect(first?.label == "1.")
        #expect(first?.plainText.hasPrefix("Efter § 53 indsættes: »§ 53 a. Ejere af grisebesætninger") == true)
        // The quoted new text is one sentence: its "Stk. 2." and periods belong to the quotation.
        #expect(
            first?.children.map(\.text) == [
                "Efter § 53 indsættes:",
                "»§ 53 a. Ejere af grisebesætninger, som pr. 1. februar er registreret i Det Centrale Husdyrbrugsregister (CHR) med en besætningsstørrelse på mere end 10 dyr i kategorien søer, gylte og orner eller mere end 100 grise i alt, betaler til dækning af omkostninger til kontrol af besætningsejeres efterlevelse af tiltag i reduktionsstrategien for grisesygdommen porcin reproduktions- og respirationssygdom (PRRS) et årligt beløb på 529 kr. pr. besætning. Stk. 2. Beløbet i stk. 1 bliver årligt pr. 1. januar pris- og lønreguleret med den sats for det generelle pris- og lønindeks, der er fastsat af Finansministeriet. Det regulerede beløb afrundes til nærmeste hele kronebeløb og offentliggøres ved bekendtgørelse. Stk. 3. Ministeren for fødevarer, landbrug og fiskeri kan fastsætte regler om opkrævning efter stk. 1. Ministeren kan endvidere fastsætte regler om helt eller delvis at undlade opkrævning efter stk. 1.«",
            ])
        // A Rykningsklausul ("Stk. 3-6 bliver herefter stk. 4-7.") follows the quotation.
        #expect(index.node("p1/stk1/nr2")?.children.last?.text == "Stk. 3-6 bliver herefter stk. 4-7.")
        #expect(index.node("p7/stk1")?.label == "Stk. 1.")
        #expect(d.root.children.first { $0.kind == .preamble }?.text?.hasPrefix("VI MARGRETHE DEN ANDEN") == true)
        #expect(d.metadata.legalBasis == nil)
    }

    @Test func unknownElementsAreKeptAndReported() {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Dokument><Meta><DocumentType>BEK H</DocumentType><Number>7</Number><Year>2020</Year></Meta>
            <DokumentIndhold><Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>Tekst &amp; mere.</Char></Linea></Exitus></Stk></Paragraf>
            <Mystery><Linea><Char>Hvad er dette?</Char></Linea></Mystery></DokumentIndhold></Dokument>
            """
        let parsed = DocumentReader.read(Array(xml.utf8), sourceName: "x.xml")
        let d = parsed.document
        #expect(d.count(.section) == 1)
        #expect(d.root.all(.sentence).first?.text == "Tekst & mere.")
        #expect(d.root.all(.unplaced).first?.text == "Hvad er dette?")
        #expect(
            d.diagnostics.contains {
                $0.code == XMLDiagnosticCode.unknownElement && parsed.source.locations.location(of: $0.range.start).line == 4
            })
        #expect(d.metadata.eli == "https://www.retsinformation.dk/eli/lta/2020/7")
    }
}

@Suite("XML diagnostic catalogue")
struct XMLDiagnosticTests {
    @Test func entries() {
        #expect(XMLDiagnostic.tooLarge(bytes: 10, limit: 5).code == "X004")
        #expect(XMLDiagnostic.tooLarge(bytes: 10, limit: 5).message == "input of 10 bytes exceeds the limit of 5 bytes; not parsed")
        #expect(
            XMLDiagnostic.entityIgnored(name: "xxe", external: true).message
                == "entity declaration 'xxe' (external) ignored: entities are never declared, loaded or expanded")
        #expect(XMLDiagnostic.schema("bad", isError: false).severity == .warning)
        let note = XMLDiagnostic.htmlProblem(code: "X001", location: LocatedPosition(offset: 9, line: 2, column: 3), message: "oops")
        #expect(note.code == "X001" && note.severity == .note && note.message == "HTML 2:3: oops")
        #expect(XMLDiagnostic.duplicateID(repeated: "p1", id: "p1~2").at(SourceRange(0..<0)).code == XMLDiagnosticCode.duplicateID)
    }
}
