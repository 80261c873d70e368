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
        func table(_ d: Document) -> [String: Node] {
            var t: [String: Node] = [:]
            d.root.forEach { if kinds.contains($0.kind) { t[$0.id] = $0 } }
            return t
        }
        let a = table(xml)
        let b = table(text)
        let order = xml.index().order + text.index().order.filter { a[$0] == nil }
        for id in order {
            switch (a[id], b[id]) {
            case (let x?, nil): onlyInXML.append(id + " " + x.kind.rawValue)
            case (nil, let y?): onlyInText.append(id + " " + y.kind.rawValue)
            case (let x?, let y?):
                if x.kind != y.kind || x.number != y.number || x.title != y.title || x.text != y.text {
                    var what: [String] = []
                    if x.kind != y.kind { what.append("kind \(x.kind) vs \(y.kind)") }
                    if x.number != y.number { what.append("number \(x.number ?? "-") vs \(y.number ?? "-")") }
                    if x.title != y.title { what.append("title \(x.title ?? "-") | \(y.title ?? "-")") }
                    if x.text != y.text { what.append("text \(x.text ?? "-") | \(y.text ?? "-")") }
                    changed.append(id + ": " + what.joined(separator: "; "))
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
@Suite("Text parser agreement")
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

    func ids(_ d: Document, _ kind: NodeKind) -> [String] { d.root.all(kind).map(\.id) }

    /// BEK 1709/2024: chapters agree; every § the text parser finds is the XML's; the §§ it misses are
    /// exactly those after a group heading, a sentence ending "A." and a chapter title citing a §.
    @Test func bekendtgoerelseAgreement() throws {
        guard let (xml, text, _) = try trees("BEK-2024-1709-sygedagpenge.xml") else { return }
        print("BEK structure:\n\(TreeDifferences(xml: xml, text: text, kinds: Self.structure))")
        #expect(ids(text, .chapter) == ids(xml, .chapter))
        #expect(Set(ids(text, .section)).isSubset(of: Set(ids(xml, .section))))
        let missed = Set(ids(xml, .section)).subtracting(ids(text, .section))
        // After a ParagrafGruppe heading (no final period): §§ 4, 6, 8, 10, 11, 13. After "… blanket DP
        // 235 A." (a capital letter before the period is read as an initial): § 17. After the chapter 8
        // title "…, jf. lovens § 34, stk. 2" (the title is cut at "§ 34", the rest unplaced): § 26.
        #expect(missed == ["p4", "p6", "p8", "p10", "p11", "p13", "p17", "p26"])
        // Items introduced without a colon ("anvendes i stedet ⏎ 1) …") are not recognised: § 23, stk. 3.
        let missedItems = Set(ids(xml, .item)).subtracting(ids(text, .item))
        #expect(missedItems == ["p23/stk3/nr1", "p23/stk3/nr2"])
        withKnownIssue("text parser disagrees with the XML structure (see the comments above)") {
            #expect(missed.isEmpty && missedItems.isEmpty)
        }
        #expect(xml.metadata.signingDate == text.metadata.signingDate)
        #expect(xml.metadata.legalBasisAct == text.metadata.legalBasisAct)
        #expect(xml.metadata.title == text.metadata.title)
        // Where both have a sentence, its text is the same (both use SentenceSplitter).
        let textSentences = Dictionary(text.root.all(.sentence).map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        let shared = xml.root.all(.sentence).filter { textSentences[$0.id] != nil && !missed.contains(String($0.id.split(separator: "/")[0])) }
        #expect(shared.count > 60)
        let differing = shared.filter { textSentences[$0.id]! != $0.text }
        // p3/stk4, p7/stk2, p9, p12/stk5 and the last sentence before each missed § absorb the heading
        // and the missed § ("… kalenderdage i Beskæftigelse og indkomster … § 4. I opgørelsen …").
        #expect(differing.allSatisfy { node in
            let text = textSentences[node.id]!!
            return text.hasPrefix(node.text!) && text.count > node.text!.count
        })
    }

    /// LBK 62/2024: chapters "6 a" and "13 a" and four item lists introduced without a colon.
    @Test func consolidatedActAgreement() throws {
        guard let (xml, text, _) = try trees("LBK-2024-62-hold-af-dyr.xml") else { return }
        print("LBK structure:\n\(TreeDifferences(xml: xml, text: text, kinds: Self.structure))")
        let missedChapters = Set(ids(xml, .chapter)).subtracting(ids(text, .chapter))
        #expect(missedChapters == ["kap6a", "kap13a"])
        // The first § of a lettered chapter is swallowed by the § before the heading.
        let missed = Set(ids(xml, .section)).subtracting(ids(text, .section))
        #expect(missed == ["p36c", "p66a"])
        #expect(Set(ids(text, .section)).isSubset(of: Set(ids(xml, .section))))
        let missedItems = Set(ids(xml, .item)).subtracting(ids(text, .item))
        #expect(Set(missedItems.map { $0.split(separator: "/").prefix(2).joined(separator: "/") })
            == ["p48/stk2", "p68/stk4", "p70/stk1", "p70/stk2"])
        #expect(missedItems.count == 21)
        withKnownIssue("text parser: lettered chapters and lists without a colon") {
            #expect(missedChapters.isEmpty && missed.isEmpty && missedItems.isEmpty)
        }
        // Nested litra lists agree.
        let xmlLitra = xml.root.all(.item).filter { $0.id.split(separator: "/").count == 4 }.map(\.id)
        #expect(!xmlLitra.isEmpty)
        #expect(Set(xmlLitra).isSubset(of: Set(ids(text, .item))))
    }

    /// LOV 1547/2023: the text parser does not know amending acts: quoted »…« text is read as the act's
    /// own stk./§§/items, "1." change numbers are not items, and a "§ 3" line after a closing "«" is
    /// not taken as a heading.
    @Test func amendingActAgreement() throws {
        guard let (xml, text, _) = try trees("LOV-2023-1547-aendring-hold-af-dyr.xml") else { return }
        print("LOV structure:\n\(TreeDifferences(xml: xml, text: text, kinds: Self.structure))")
        #expect(ids(xml, .section) == ["p1", "p2", "p3", "p4", "p5", "p6", "p7"])
        #expect(ids(text, .section) == ["p1", "p2", "p7"])
        let invented = Set(ids(text, .subsection)).subtracting(ids(xml, .subsection))
        #expect(invented == ["p1/stk2", "p1/stk3", "p2/stk4"])
        withKnownIssue("text parser: amending acts") {
            #expect(ids(text, .section) == ids(xml, .section))
        }
    }
}
