import Foundation
import Testing

@testable import ParagrafXML

/// Where two trees of the same text differ, by node id.
struct TreeDifferences: CustomStringConvertible {
    var onlyInXML: [String] = []
    var onlyInText: [String] = []
    /// Same id, different kind, number, title or (for leaves) text.
    var changed: [String] = []

    var isEmpty: Bool { onlyInXML.isEmpty && onlyInText.isEmpty && changed.isEmpty }

    init(xml: Document, text: Document, kinds: Set<NodeKind>) {
        func table(_ d: Document) -> [NodeID: Node] {
            var t: [NodeID: Node] = [:]
            d.root.forEach { if kinds.contains($0.kind) { t[$0.id] = $0 } }
            return t
        }
        let a = table(xml)
        let b = table(text)
        let order = xml.nodeTable().order + text.nodeTable().order.filter { a[$0] == nil }
        for id in order {
            switch (a[id], b[id]) {
            case (let x?, nil): onlyInXML.append("\(id) \(x.kind.rawValue)")
            case (nil, let y?): onlyInText.append("\(id) \(y.kind.rawValue)")
            case (let x?, let y?):
                if x.kind != y.kind || x.number != y.number || x.title != y.title || x.text != y.text {
                    var what: [String] = []
                    if x.kind != y.kind { what.append("kind \(x.kind) vs \(y.kind)") }
                    if x.number != y.number { what.append("number \(x.number ?? "-") vs \(y.number ?? "-")") }
                    if x.title != y.title { what.append("title \(x.title ?? "-") | \(y.title ?? "-")") }
                    if x.text != y.text { what.append("text \(x.text ?? "-") | \(y.text ?? "-")") }
                    changed.append("\(id): " + what.joined(separator: "; "))
                }
            default: break
            }
        }
    }

    var description: String {
        (onlyInXML.map { "only in XML: \($0)" } + onlyInText.map { "only in text: \($0)" } + changed.map { "differs: \($0)" })
            .joined(separator: "\n")
    }
}

/// Flatten each LexDania sample to plain text, parse it with the text parser, compare with the XML import.
@Suite("Text parser agreement", .needsLexDania)
struct AgreementTests {
    static let structure: Set<NodeKind> = [.part, .chapter, .section, .subsection, .item]
    static let leaves: Set<NodeKind> = [.sentence, .title, .preamble, .signature, .unplaced]

    func trees(_ file: String) throws -> (xml: Document, text: Document, plain: String)? {
        guard let url = Files.lexdania(file) else { return nil }
        let bytes = try Files.bytes(url)
        let xml = LexDaniaImporter.read(bytes, sourceName: file).document
        let root = try #require(SafeXMLParser.parseXML(bytes, source: SourceText(bytes: bytes)).root)
        let plain = LexDaniaImporter.plainText(root)
        if let dir = ProcessInfo.processInfo.environment["PARAGRAF_FLATTEN_DIR"] {
            try plain.write(toFile: dir + "/" + file + ".txt", atomically: true, encoding: .utf8)
        }
        let text = RegulationParser.parse(text: plain, sourceName: file + ".txt").document
        return (xml, text, plain)
    }

    @Test func flattenedTextReadsLikeRetsinformation() throws {
        guard let (_, _, plain) = try trees("BEK-2024-1709-sygedagpenge.xml") else { return }
        let lines = plain.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Bekendtgørelse om opgørelse af beskæftigelseskrav og beregning af sygedagpenge m.v.")
        #expect(lines.contains("Kapitel 1"))
        #expect(lines.contains("Anvendelsesområde"))
        #expect(lines.contains { $0.hasPrefix("§ 1. Reglerne i bekendtgørelsen anvendes") })
        #expect(lines.contains { $0.hasPrefix("Stk. 2. Er der indberettet lønindkomst") })
        #expect(lines.contains("1) hvornår lønmodtageren blev ansat i virksomheden,"))
        #expect(lines.last == "Styrelsen for Arbejdsmarked og Rekruttering, den 30. december 2024 Jens Erik Zebis / Kirsten Brix Pedersen")
    }

    func ids(_ d: Document, _ kind: NodeKind) -> [NodeID] { d.root.all(kind).map(\.id) }

    /// BEK 1709/2024: chapters, §§ (including those after a group heading, after "… DP 235 A." and after a
    /// chapter title citing a §), items (including a list introduced without a colon) and sentences agree.
    @Test func bekendtgoerelseAgreement() throws {
        guard let (xml, text, _) = try trees("BEK-2024-1709-sygedagpenge.xml") else { return }
        let differences = TreeDifferences(xml: xml, text: text, kinds: Self.structure)
        #expect(ids(text, .chapter) == ids(xml, .chapter))
        #expect(ids(text, .section) == ids(xml, .section))
        #expect(ids(text, .subsection) == ids(xml, .subsection))
        #expect(ids(text, .item) == ids(xml, .item))
        #expect(differences.onlyInXML.isEmpty && differences.onlyInText.isEmpty, "\(differences)")
        // Group headings (ParagrafGruppe) are the titles of the first § of their group in both trees.
        // The one exception: "Beregning ved turnus, weekend m.v." ends in a period, so to the text parser it is
        // the last sentence of § 11, stk. 4, not a heading of § 12.
        let titles = text.sections.filter { $0.title != nil }.map(\.id)
        #expect(titles + ["p12"] == xml.sections.filter { $0.title != nil }.map(\.id).filter { $0 != "p12" } + ["p12"])
        #expect(titles == ["p4", "p6", "p8", "p10", "p11", "p13"])
        #expect(text.chapters.map(\.title) == xml.chapters.map(\.title))
        #expect(xml.metadata.signingDate == text.metadata.signingDate)
        #expect(xml.metadata.legalBasisAct == text.metadata.legalBasisAct)
        #expect(xml.metadata.title == text.metadata.title)
        // Every sentence has the same text in both (both use SentenceSplitter).
        let textSentences = Dictionary(text.root.all(.sentence).map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        let xmlSentences = xml.root.all(.sentence)
        #expect(xmlSentences.count == 131)
        #expect(xmlSentences.filter { textSentences[$0.id] ?? nil != $0.text }.map(\.id) == [])
        #expect(text.nodeTable().node("p11/stk4/pkt2")?.text == "Beregning ved turnus, weekend m.v.")
    }

    /// LBK 62/2024: lettered chapters ("Kapitel 6 a", "13 a"), lists introduced without a colon and nested
    /// litra lists agree.
    @Test func consolidatedActAgreement() throws {
        guard let (xml, text, _) = try trees("LBK-2024-62-hold-af-dyr.xml") else { return }
        let differences = TreeDifferences(xml: xml, text: text, kinds: Self.structure)
        #expect(ids(text, .chapter) == ids(xml, .chapter))
        #expect(ids(text, .chapter).contains("kap6a") && ids(text, .chapter).contains("kap13a"))
        #expect(ids(text, .section) == ids(xml, .section))
        #expect(ids(text, .subsection) == ids(xml, .subsection))
        #expect(ids(text, .item) == ids(xml, .item))
        #expect(differences.onlyInXML.isEmpty && differences.onlyInText.isEmpty, "\(differences)")
        let xmlLitra = xml.root.all(.item).filter { $0.id.depth == 4 }.map(\.id)
        #expect(xmlLitra.count == 46)
    }

    /// LOV 1547/2023: the §§ agree (a "§ 3" line after a closing "«" is a heading), and so do the stk.: the
    /// quoted »Stk. 2. …« of the new provisions and "Stk. 3-6 bliver herefter stk. 4-7." are text of the
    /// amending act's §, not stk. of its own. (The "1." change numbers are items only in the XML.)
    @Test func amendingActAgreement() throws {
        guard let (xml, text, _) = try trees("LOV-2023-1547-aendring-hold-af-dyr.xml") else { return }
        #expect(ids(xml, .section) == ["p1", "p2", "p3", "p4", "p5", "p6", "p7"])
        #expect(ids(text, .section) == ids(xml, .section))
        #expect(ids(text, .subsection) == ids(xml, .subsection))
        #expect(ids(text, .subsection) == ["p1/stk1", "p2/stk1", "p3/stk1", "p4/stk1", "p5/stk1", "p6/stk1", "p7/stk1", "p7/stk2"])
    }
}
