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
}
