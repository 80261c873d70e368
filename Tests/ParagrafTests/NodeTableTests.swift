import Testing

@testable import Paragraf

/// The node table of the 2020 version: rows in document order, parents, subtrees, ids, places, lookups.
@Suite("Node table")
struct NodeTableTests {
    static let parsed = try! TestSupport.parse(TestSupport.v2020)
    let nodes = NodeTableTests.parsed.document.nodeTable()

    @Test("One row per node, in document order, the root first")
    func rows() throws {
        var count = 0
        Self.parsed.document.root.forEach { _ in count += 1 }
        #expect(nodes.count == count)
        #expect(nodes[0].kind == .document && nodes[0].id == .document && nodes[0].parent == nil)
        #expect(nodes[0].subtreeEnd == nodes.count)
        #expect(nodes.rows(.section).count == 38)
        #expect(nodes.rows(.chapter).count == 10)
        #expect(nodes.rows(.annex).count == 1)
        let ids = nodes.order
        #expect(ids.prefix(4) == ["document", "title", "preamble", "kap1"])
        var walked: [NodeID] = []
        nodes.forEachRow { row, node in
            walked.append(node.id)
            #expect(row.id == node.id && row.kind == node.kind && row.range == node.range)
        }
        #expect(walked == ids)
    }

    @Test("Parents, children and subtrees")
    func structure() throws {
        let p21 = try #require(nodes.row(of: "p21"))
        let kap6 = try #require(nodes.row(of: "kap6"))
        #expect(nodes.parent(of: p21) == kap6)
        #expect(nodes.children(of: p21).map { nodes.id(at: $0) } == ["p21/stk1", "p21/stk2", "p21/stk3", "p21/stk4", "p21/stk5"])
        var visited: [Int] = []
        nodes.forEachChild(of: p21) { visited.append($0) }
        #expect(visited == nodes.children(of: p21) && visited.count == 5)
        #expect(nodes.childCount(of: p21, .subsection) == 5)
        #expect(nodes.childCount(of: p21, .sentence) == 0)
        let stk3 = try #require(nodes.row(of: "p21/stk3"))
        #expect(stk3 > p21 && stk3 < nodes.subtreeEnd(of: p21))
        #expect(nodes.subtreeEnd(of: p21) == nodes.row(of: "p22"))
        #expect(nodes.node(at: stk3).label == "Stk. 3.")
        #expect(nodes.node("p21/stk3/pkt1")?.text?.hasPrefix("Regionsrådet skal") == true)
        #expect(nodes.parent(of: "p21/stk3")?.id == "p21")
        #expect(nodes.row(of: "p99") == nil && nodes.node("p99") == nil)
    }

    @Test("Numbers, label and title ranges, and text, as the tree has them")
    func columns() throws {
        let source = Self.parsed.source.bytes
        func text(_ range: SourceRange?) -> String? {
            range.map { String(decoding: source[$0.start.offset..<$0.end.offset], as: UTF8.self) }
        }
        let kap6 = try #require(nodes.row(of: "kap6"))
        #expect(nodes.number(at: kap6) == "6")
        #expect(text(nodes.labelRange(at: kap6)) == "Kapitel 6")
        #expect(text(nodes.titleRange(at: kap6)) == "Regionstandpleje")
        let stk3 = try #require(nodes.row(of: "p21/stk3"))
        #expect(nodes.number(at: stk3) == "3" && text(nodes.labelRange(at: stk3)) == "Stk. 3.")
        #expect(nodes.titleRange(at: stk3) == nil && !nodes.hasText(at: stk3))
        let sentence = try #require(nodes.row(of: "p21/stk3/pkt1"))
        #expect(nodes.number(at: sentence) == "1" && nodes.labelRange(at: sentence) == nil && nodes.hasText(at: sentence))
        #expect(nodes.number(at: 0) == nil && nodes.labelRange(at: 0) == nil && !nodes.hasText(at: 0))
        // Every row against its tree node.
        var checked = 0
        nodes.forEachRow { row, node in
            #expect(nodes.number(at: row.index) == node.number)
            #expect(nodes.labelRange(at: row.index) == node.labelRange)
            #expect(nodes.titleRange(at: row.index) == node.titleRange)
            #expect(nodes.hasText(at: row.index) == (node.text != nil))
            checked += 1
        }
        #expect(checked == nodes.count)
    }

    @Test("Places, paths and lookups")
    func places() throws {
        #expect(nodes.place(of: "p21/stk3") == "Kapitel 6 Regionstandpleje › § 21 › Stk. 3")
        #expect(nodes.path(to: "p21/stk3/pkt1").map(\.id) == ["kap6", "p21", "p21/stk3", "p21/stk3/pkt1"])
        #expect(nodes.section(containing: "p21/stk3/pkt1")?.id == "p21")
        #expect(nodes.path(to: "p99").isEmpty)
        guard case .success(let node) = nodes.lookup(try Address.parse("§ 21, stk. 3")) else {
            Issue.record("§ 21, stk. 3 not found")
            return
        }
        #expect(node.id == "p21/stk3")
        guard case .failure(let error) = nodes.lookup(try Address.parse("§ 21, stk. 9")) else {
            Issue.record("§ 21, stk. 9 found")
            return
        }
        #expect(error.description == "§ 21, stk. 9 findes ikke: § 21 har stk. 1-5")
    }

    @Test("A repeated id names the later node")
    func repeatedID() throws {
        let parsed = RegulationParser.parse(text: "§ 1. Første.\n\n§ 1. Anden tekst her.\n")
        #expect(parsed.document.sections.map(\.id) == ["p1", "p1~2"])
        #expect(parsed.document.nodeTable().node("p1~2")?.range.start.offset == 16)
        // Ids a reader did not make unique (a tree built by hand): the later node wins.
        let root = Node(
            kind: .document, id: .document, range: SourceRange(0..<9),
            children: [
                Node(kind: .section, id: "p1", number: "1", range: SourceRange(0..<5)),
                Node(kind: .section, id: "p1", number: "1", range: SourceRange(5..<9)),
            ])
        let nodes = NodeTable(root)
        #expect(nodes.row(of: "p1") == 2)
        #expect(nodes.node("p1")?.range == SourceRange(5..<9))
    }
    @Test("The innermost row at a byte offset, checked against every row at every offset")
    func rowContainingOffset() throws {
        let bytes = Self.parsed.source.bytes.count
        // The innermost row holding an offset is the last row in document order that holds it (a parent comes
        // before its children), found here by looking at every row.
        var expected = [Int?](repeating: nil, count: bytes + 1)
        for row in 0..<nodes.count {
            for offset in nodes.range(at: row).offsets { expected[offset] = row }
        }
        for offset in 0...bytes {
            #expect(nodes.row(containing: offset) == expected[offset], "offset \(offset)")
        }
        let sentence = try #require(nodes.row(of: "p21/stk3/pkt1"))
        let start = nodes.range(at: sentence).start.offset
        #expect(nodes.row(containing: start) == sentence)
        #expect(nodes.row(containing: nodes.range(at: sentence).end.offset - 1) == sentence)
        #expect(nodes.row(containing: -1) == nil && nodes.row(containing: bytes) == nil)
    }

    @Test("A node placed away from its text (the LexDania signature) is found at its offsets")
    func rowContainingOffsetOutOfOrder() throws {
        // The signature's text comes first in the source but its node last, as the LexDania reader builds it.
        let root = Node(
            kind: .document, id: .document, range: SourceRange(0..<40),
            children: [
                Node(
                    kind: .section, id: "p1", number: "1", range: SourceRange(10..<25),
                    children: [
                        Node(kind: .sentence, id: "p1/pkt1", number: "1", text: "a", range: SourceRange(12..<18)),
                        Node(kind: .sentence, id: "p1/pkt2", number: "2", text: "b", range: SourceRange(19..<25)),
                    ]),
                Node(kind: .section, id: "p2", number: "2", range: SourceRange(25..<25)),
                Node(kind: .section, id: "p3", number: "3", text: "c", range: SourceRange(30..<40)),
                Node(kind: .signature, id: .signature, text: "d", range: SourceRange(2..<8)),
            ])
        let nodes = NodeTable(root)
        let found = (0..<41).map { nodes.row(containing: $0).map { nodes.id(at: $0).description } ?? "-" }
        #expect(found[0] == "document" && found[2] == "signature" && found[7] == "signature" && found[8] == "document")
        #expect(found[10] == "p1" && found[12] == "p1/pkt1" && found[18] == "p1" && found[19] == "p1/pkt2")
        #expect(found[25] == "document" && found[29] == "document" && found[30] == "p3" && found[39] == "p3")
        #expect(found[40] == "-")
    }
}
