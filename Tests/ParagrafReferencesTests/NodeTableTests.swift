import Testing
@testable import ParagrafReferences

/// The resolver's own node table and id reader must answer exactly as `NodeIndex` and `Address(id:)` do.
@Suite("Node table and id reading")
struct NodeTableTests {
    static let versions = [try! Repo.tandpleje("2003"), try! Repo.tandpleje("2020")]

    @Test("The node table agrees with NodeIndex on every node of the corpus")
    func tableMatchesIndex() throws {
        for parsed in Self.versions {
            let index = parsed.document.index()
            let table = NodeTable(parsed.document)
            #expect(table.slots.count == index.order.count)
            for id in index.order {
                let node = try #require(index.node(id))
                let slot = try #require(table.slot(id))
                #expect(table.slots[slot].kind == node.kind)
                #expect(table.slots[slot].start == node.range.start.offset)
                #expect(table.slots[slot].end == node.range.end.offset)
                for kind in NodeKind.allCases {
                    #expect(table.childCount(of: slot, kind) == node.children(kind).count, "\(id) \(kind)")
                }
            }
            #expect(table.node("p999") == nil)
            #expect(table.lastSection == parsed.document.sections.last?.number)
            #expect(table.lastChapter == parsed.document.chapters.last?.number)
            #expect(table.annexCount == parsed.document.annexes.count)
        }
    }

    @Test("A repeated id names the later node, as in NodeIndex")
    func repeatedID() throws {
        let parsed = RegulationParser.parse(text: "§ 1. Første.\n\n§ 1. Anden tekst her.\n")
        let index = parsed.document.index()
        let table = NodeTable(parsed.document)
        let slot = try #require(table.slot("p1"))
        #expect(table.slots[slot].start == index.node("p1")?.range.start.offset)
    }

    static let ids: [String] = [
        "", "p", "p1", "p17a", "p4 a", "p17//stk3", "/p1", "p1/", "p1/stk", "p1/stk+3", "p1/stk-3", "p1/stk+",
        "p1/stk3x", "p1/stk99999999999999999999", "p1/stk-9223372036854775808", "p1/stk9223372036854775808",
        "p1/nr", "p1/nrx", "p1/nr4a", "p1/pkt2", "p1/pkt", "p1/pkt-1", "p1/a", "p1/ab", "p1/A", "kap", "kap1",
        "kap1a", "kap1ab", "kap1A", "kapIV", "kapIVa", "kapiv", "kap1 a", "bilag", "bilag1", "bilag1a", "bilag 1",
        "title", "preamble", "signature", "titles", "Title", "document", "p1/stk2/nr3/b/pkt4", "x1", "P1",
        "p1.2", "pa1", "p1/stk1/stk2", "p1/x", "p½", "p١", "kap٣", "bilag٣", "p1/stk٣", "p1\r\n", "p1/é",
        "p\u{0301}1", "p1/stk2/pkt3/", "unplaced1", "bilag1/afsnit2", "p1 /stk2", "p1/ stk2",
    ]

    @Test("Reading an id byte by byte gives Address(id:)")
    func addressOfID() {
        var ids = Self.ids
        for parsed in Self.versions { ids += parsed.document.index().order }
        for id in ids {
            #expect(TableResolver.address(ofID: id) == Address(id: id), "\(id.debugDescription)")
        }
    }

    @Test("Removing spaces from a § number matches Address.id")
    func removingSpaces() {
        for section in ["4 a", "17", " 4  a ", "4\u{00A0}a", "4 æ", ""] {
            #expect("p" + TableResolver.removingSpaces(section) == Address(section: section).id)
        }
    }
}
