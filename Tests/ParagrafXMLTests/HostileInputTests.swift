import Foundation
import Testing

@testable import ParagrafXML

/// Untrusted XML: refused or defused quickly, nothing from outside the file in the output.
@Suite("Hostile XML")
struct HostileInputTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Dokument><Meta><DocumentType>BEK</DocumentType></Meta><DokumentIndhold><Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>&lol9;</Char></Linea></Exitus></Stk></Paragraf></DokumentIndhold></Dokument>
        """

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE Dokument [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <Dokument><Meta><DocumentType>BEK</DocumentType></Meta><DokumentIndhold><Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>Indhold: &xxe;</Char></Linea></Exitus></Stk></Paragraf></DokumentIndhold></Dokument>
        """

    static let externalDTD = """
        <?xml version="1.0"?>
        <!DOCTYPE Dokument SYSTEM "file:///etc/passwd">
        <Dokument><Meta><DocumentType>BEK</DocumentType></Meta><DokumentIndhold><Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>Tekst.</Char></Linea></Exitus></Stk></Paragraf></DokumentIndhold></Dokument>
        """

    func timed(_ body: () -> ParsedDocument) -> (ParsedDocument, Duration) {
        let clock = ContinuousClock()
        var result: ParsedDocument?
        let elapsed = clock.measure { result = body() }
        return (result!, elapsed)
    }

    func json(_ parsed: ParsedDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[.sourceLocations] = parsed.source.locations
        return String(decoding: try encoder.encode(parsed.document), as: UTF8.self)
    }

    func lineNumber(_ position: SourcePosition?, in parsed: ParsedDocument) -> Int? {
        position.map { parsed.source.locations.location(of: $0).line }
    }

    /// 2 000 `Paragraf`s labelled "§§ 1-999.": the empty §§ of ranges stay bounded by the file's size (one per 16
    /// bytes), as in the text parser; beyond that a range is its two ends.
    @Test func floodOfRangesStaysBounded() {
        let element =
            "<Paragraf><Explicatus>§§ 1-999.</Explicatus><Stk><Exitus><Linea><Char>(Ophævet)</Char></Linea></Exitus></Stk></Paragraf>\n"
        let xml =
            "<?xml version=\"1.0\"?><Dokument><DokumentIndhold>\n" + String(repeating: element, count: 2_000)
            + "</DokumentIndhold></Dokument>\n"
        let bytes = Array(xml.utf8)
        let document = LexDaniaImporter.read(bytes, sourceName: "ranges.xml").document
        let expanded = bytes.count / 16 / 997
        #expect(expanded == 15)
        #expect(document.sections.count == 2_000 + expanded * 998 + (2_000 - expanded))
        #expect(document.sections.first?.number == "1-999")
    }

    @Test func entityExpansionBombIsRefused() throws {
        let (parsed, elapsed) = timed { DocumentReader.read(Array(Self.billionLaughs.utf8), sourceName: "bomb.xml") }
        print("billion laughs: \(elapsed)")
        #expect(elapsed < .seconds(1))
        let d = parsed.document
        #expect(d.diagnostics.contains { $0.code == XMLDiagnosticCode.entityIgnored })
        #expect(d.diagnostics.contains { $0.code == XMLDiagnosticCode.malformed && $0.severity == .error })
        #expect(!(try json(parsed)).contains("lollol"))
        // Nothing was expanded into the exported XML either.
        #expect(!AkomaNtosoExporter().export(d).contains("lollol"))
    }

    @Test func externalEntityNamingALocalFileDoesNotLeak() throws {
        let (parsed, elapsed) = timed { DocumentReader.read(Array(Self.externalEntity.utf8), sourceName: "xxe.xml") }
        print("external entity: \(elapsed)")
        #expect(elapsed < .seconds(1))
        let out = try json(parsed)
        #expect(!out.contains("root:"))
        #expect(!out.contains("/bin/"))
        let declaration = parsed.document.diagnostics.first { $0.code == XMLDiagnosticCode.entityIgnored }
        #expect(declaration?.message.contains("'xxe' (external)") == true)
        #expect(lineNumber(declaration?.range.start, in: parsed) == 2)
    }

    @Test func externalDTDIsNotLoaded() throws {
        let (parsed, elapsed) = timed { DocumentReader.read(Array(Self.externalDTD.utf8), sourceName: "dtd.xml") }
        print("external DTD: \(elapsed)")
        #expect(elapsed < .seconds(1))
        // The document parses; the DTD named in DOCTYPE is never read.
        #expect(parsed.document.count(.section) == 1)
        #expect(!(try json(parsed)).contains("root:"))
    }

    @Test func parameterEntityAndXIncludeReadNothing() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Dokument [ <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; ]>
            <Dokument xmlns:xi="http://www.w3.org/2001/XInclude"><Meta><DocumentType>BEK</DocumentType></Meta><DokumentIndhold><Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>Tekst.</Char><xi:include href="file:///etc/passwd" parse="text"/></Linea></Exitus></Stk></Paragraf></DokumentIndhold></Dokument>
            """
        let (parsed, elapsed) = timed { DocumentReader.read(Array(xml.utf8), sourceName: "pe.xml") }
        print("parameter entity + XInclude: \(elapsed)")
        #expect(elapsed < .seconds(1))
        let out = try json(parsed)
        #expect(!out.contains("root:"))
        #expect(parsed.document.diagnostics.contains { $0.code == XMLDiagnosticCode.entityIgnored })
        if let sentence = parsed.document.root.all(.sentence).first { #expect(sentence.text == "Tekst.") }
    }

    @Test func tenThousandNestedElementsAreRefused() {
        let depth = 10_000
        let xml =
            "<?xml version=\"1.0\"?>\n<Dokument><DokumentIndhold>" + String(repeating: "<Afsnit>", count: depth)
            + "x" + String(repeating: "</Afsnit>", count: depth) + "</DokumentIndhold></Dokument>"
        let (parsed, elapsed) = timed { DocumentReader.read(Array(xml.utf8), sourceName: "deep.xml") }
        print("10 000 nested elements: \(elapsed)")
        #expect(elapsed < .seconds(2))
        let error = parsed.document.diagnostics.first { $0.severity == .error }
        #expect(error?.code == XMLDiagnosticCode.malformed)
        #expect(error?.message.contains("depth") == true)
    }

    @Test func deepHTMLIsCutAtTheCopyLimit() {
        let html = "<html><body>" + String(repeating: "<div>", count: 5_000) + "§ 1. Tekst." + "</body></html>"
        let (parsed, elapsed) = timed { DocumentReader.read(Array(html.utf8), sourceName: "deep.html") }
        print("5 000 nested HTML divs: \(elapsed)")
        #expect(elapsed < .seconds(2))
        _ = parsed.document.root
    }

    @Test func invalidUTF8IsAnErrorWithItsPosition() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Dokument><Meta/>\n<DokumentIndhold>§ 1. Bl".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("t.</DokumentIndhold></Dokument>".utf8)
        let (parsed, elapsed) = timed { DocumentReader.read(bytes, sourceName: "bad.xml") }
        print("invalid UTF-8: \(elapsed)")
        #expect(elapsed < .seconds(1))
        let error = parsed.document.diagnostics.first { $0.severity == .error }
        #expect(error?.code == XMLDiagnosticCode.malformed)
        #expect(lineNumber(error?.range.start, in: parsed) == 3)
        #expect(parsed.document.root.children.isEmpty)
    }

    @Test func malformedXMLReportsLineAndColumn() {
        let xml = "<?xml version=\"1.0\"?>\n<Dokument>\n  <Meta><Number>1</Numbr></Meta>\n</Dokument>\n"
        let parsed = DocumentReader.read(Array(xml.utf8), sourceName: "bad.xml")
        let error = parsed.document.diagnostics.first
        #expect(error?.code == "X001")
        #expect(error?.severity == .error)
        #expect(lineNumber(error?.range.start, in: parsed) == 3)
        #expect(error?.message.contains("Number") == true)
        let rendered = error?.rendered(file: "bad.xml", source: parsed.source) ?? ""
        #expect(rendered.hasPrefix("bad.xml:3:"))
        #expect(rendered.contains("<Meta><Number>1</Numbr></Meta>"))
    }

    @Test func emptyAndTruncatedInputs() {
        #expect(SafeXMLParser.parseXML([], source: SourceText(bytes: [])).root == nil)
        for cut in ["<", "<Dokument", "<Dokument><Meta>", "<?xml version=\"1.0\"?>"] {
            let r = SafeXMLParser.parseXML(Array(cut.utf8), source: SourceText(bytes: Array(cut.utf8)))
            #expect(r.root == nil)
            #expect(r.diagnostics.contains { $0.severity == .error })
        }
    }
}

/// Damaged real files: every prefix and some byte flips parse without crashing, with valid ranges.
@Suite("Damaged LexDania", .needsLexDania)
struct DamagedInputTests {
    @Test func truncationsAndFlipsNeverCrash() throws {
        guard let url = Files.lexdania("BEK-2024-1709-sygedagpenge.xml") else { return }
        let bytes = try Files.bytes(url)
        var inputs: [[UInt8]] = []
        for cut in stride(from: 1, to: bytes.count, by: bytes.count / 40) { inputs.append(Array(bytes[..<cut])) }
        // Deterministic pseudo-random flips (a linear congruential generator, fixed seed).
        var state: UInt64 = 0x5EED
        for _ in 0..<40 {
            var damaged = bytes
            for _ in 0..<5 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let at = Int(state >> 33) % damaged.count
                damaged[at] = UInt8(truncatingIfNeeded: state >> 17)
            }
            inputs.append(damaged)
        }
        var refused = 0
        for input in inputs {
            let parsed = DocumentReader.read(input, sourceName: "damaged.xml")
            parsed.document.root.forEach { node in
                #expect(node.range.start.offset <= node.range.end.offset)
                #expect(node.range.end.offset <= parsed.source.bytes.count)
            }
            if parsed.document.diagnostics.contains(where: { $0.severity == .error }) {
                refused += 1
                // A refused file has its first error on a real line.
                let first = parsed.document.diagnostics.first { $0.severity == .error }!
                #expect((1...parsed.source.lineStarts.count).contains(parsed.source.locations.location(of: first.range.start).line))
            }
        }
        #expect(refused >= 40)
    }
}
