import Foundation
import Testing

@testable import Paragraf

/// Node ids: typed steps, the string form at the edges, the mapping to addresses, the allocator.
@Suite("Node ids")
struct NodeIDTests {
    @Test("An id is built from typed steps and prints as before")
    func typedSteps() {
        let id = NodeID.section("17").appending(.subsection(3)).appending(.sentence(2))
        #expect(id.description == "p17/stk3/pkt2")
        #expect(id.steps == [.section("17"), .subsection(3), .sentence(2)])
        #expect(id.parent == "p17/stk3")
        #expect(id.parent?.parent == "p17")
        #expect(NodeID.section("17").parent == nil)
        #expect(id.topLevel == "p17")
        #expect(id.depth == 3)
        #expect(id.prefix(2) == "p17/stk3")
        #expect(id.last == NodeID.Component(step: .sentence(2)))
        #expect(NodeID.section("4 a").description == "p4a")
        #expect(NodeID.chapter("6 a").description == "kap6a")
        #expect(NodeID(.part("II")).description == "afsII")
        #expect(NodeID.annex("1").appending(.block(3)).description == "bilag1/blk3")
        #expect(NodeID(.unplaced(2)).description == "unplaced2")
        #expect(NodeID.section("2").appending(.subsection(1)).appending(.item("4")).appending(.litra("a")).description == "p2/stk1/nr4/a")
        #expect(NodeID(.section("5"), occurrence: 2).description == "p5~2")
        #expect(NodeID.document.description == "document")
        #expect(NodeID("p17").contains("p17/stk3"))
        #expect(!NodeID("p17").contains("p170"))
        #expect(NodeID("p17").contains("p17"))
        #expect(NodeID("p17/stk3").isChild(of: "p17"))
        #expect(!NodeID("p17/stk3/pkt2").isChild(of: "p17"))
        #expect(!NodeID("p170/stk3").isChild(of: "p17"))
        #expect(!NodeID("p17").isChild(of: "p17"))
        #expect(!NodeID("p17/").isChild(of: "p17"))
        #expect(NodeID("p17/stk3").joined(separator: "-") == "p17-stk3")
    }

    @Test("The string form reads back to its steps")
    func parsing() {
        #expect(NodeID(parsing: "p4a/stk1")?.steps == [.section("4 a"), .subsection(1)])
        #expect(NodeID(parsing: "kap6a")?.steps == [.chapter("6 a")])
        #expect(NodeID(parsing: "kapIV")?.steps == [.chapter("IV")])
        #expect(NodeID(parsing: "bilag2/blk7")?.steps == [.annex("2"), .block(7)])
        #expect(NodeID(parsing: "p5~2/stk1")?.components == [.init(step: .section("5"), occurrence: 2), .init(step: .subsection(1))])
        #expect(NodeID(parsing: "p1/stk1/nr3~2")?.last == .init(step: .item("3"), occurrence: 2))
        #expect(NodeID(parsing: "unplaced3")?.steps == [.unplaced(3)])
        #expect(NodeID(parsing: "preamble")?.steps == [.preamble])
        #expect(NodeID(parsing: "p1/stk2/nrø/æ")?.steps == [.section("1"), .subsection(2), .item("ø"), .litra("æ")])
        #expect(NodeID(parsing: "p12b/stk2/nr3~2")?.last == .init(step: .item("3"), occurrence: 2))
        for text in ["", "x1", "P1", "p1/", "/p1", "p17//stk3", "p5~1", "p5~x", "unplaced", "document/x~"] {
            #expect(NodeID(parsing: text) == nil, "\(text.debugDescription)")
        }
    }

    @Test("Every id of both corpus versions reads back to itself")
    func corpusRoundTrip() throws {
        var count = 0
        for path in [TestSupport.v2003, TestSupport.v2020] {
            for id in try TestSupport.parse(path).document.nodeTable().order {
                #expect(NodeID(parsing: id.description) == id)
                let rebuilt = id.components.dropFirst().reduce(NodeID(id.components[0].step, occurrence: id.components[0].occurrence)) {
                    $0.appending($1.step, occurrence: $1.occurrence)
                }
                #expect(rebuilt == id)
                count += 1
            }
        }
        #expect(count > 900)
    }

    @Test("Ids encode as their string form")
    func codable() throws {
        let data = try JSONEncoder().encode(["p17/stk3" as NodeID])
        #expect(String(decoding: data, as: UTF8.self) == #"["p17\/stk3"]"#)
        #expect(try JSONDecoder().decode([NodeID].self, from: Data(#"["kap4"]"#.utf8)) == ["kap4"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NodeID].self, from: Data(#"["x1"]"#.utf8)) }
    }

    @Test("Addresses map to ids and back")
    func addresses() {
        let cases: [(NodeID, Address?)] = [
            ("p17/stk3/nr2/b/pkt4", Address(section: "17", subsection: 3, item: "2", litra: "b", sentence: 4)),
            ("kap6a", Address(chapter: "6 a")), ("kapIV", Address(chapter: "IV")), ("kap1ab", nil),
            ("bilag1", Address(annex: "1")), ("bilag1a", nil), ("bilag1/blk2", nil),
            ("title", Address(special: .title)), ("preamble", Address(special: .preamble)), ("document", nil),
            ("p17a", Address(section: "17 a")), ("p1/ab", nil), ("p1/stk1/nr4a", Address(section: "1", subsection: 1, item: "4a")),
            ("p5~2", Address(section: "5 ~2")), ("p5a~2/stk1", Address(section: "5 a~2", subsection: 1)),
            ("p1/stk1/nr3~2", Address(section: "1", subsection: 1, item: "3~2")), ("p1/stk1~2", nil),
            ("afsII", nil), ("unplaced1", nil), ("pa1", nil), ("signature", Address(special: .signature)),
            ("title/pkt1", nil), ("preamble/pkt2", nil), ("kap4~2", nil), ("bilag1~2", nil), ("kap4/p1", nil),
            ("p1/stk1/nr2/bb", nil), ("p1/stk1/nrø/æ", Address(section: "1", subsection: 1, item: "ø", litra: "æ")),
        ]
        for (id, address) in cases {
            #expect(Address(id: id) == address, "\(id)")
            if let address { #expect(address.id == id, "\(id)") }
        }
        #expect(Address(section: "25", item: "4").id == "p25/stk1/nr4")
        #expect(Address(section: "17", sentence: 2).id == "p17/stk1/pkt2")
        #expect(Address().id == .document)
        #expect(Address(id: "p17/stk3/nr2/b/pkt4")?.description == "§ 17, stk. 3, nr. 2, litra b, 4. pkt.")
        #expect(Address(id: "p4a/stk1/nrb")?.description == "§ 4 a, stk. 1, litra b")
        #expect(Address(id: "p5~2/stk1/pkt1")?.description == "§ 5 ~2, stk. 1, 1. pkt.")
    }

    @Test("The allocator numbers repeats")
    func allocator() {
        var ids = NodeIDAllocator()
        let first = ids.unique(.section("5"), under: nil)
        #expect(first.id == "p5" && first.repeated == nil)
        let again = ids.unique(.section("5"), under: nil)
        #expect(again.id == "p5~2" && again.repeated == "p5")
        #expect(ids.unique(.section("5"), under: nil).id == "p5~3")
        let item = ids.unique(.item("1"), under: "p5/stk1")
        let repeatedItem = ids.unique(.item("1"), under: "p5/stk1")
        #expect(item.id == "p5/stk1/nr1" && repeatedItem.id == "p5/stk1/nr1~2")
        #expect(ids.sequential(.sentence(3), under: again.id) == "p5~2/pkt3")
        ids.removeAll()
        #expect(ids.unique(.section("5"), under: nil).repeated == nil)
    }
}
