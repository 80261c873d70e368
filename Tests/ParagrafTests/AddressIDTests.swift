import Foundation
import Testing

@testable import Paragraf

/// `Address(id:)` reads the ids Paragraf makes byte by byte; it must answer exactly as the
/// `Character`-by-`Character` definition does, on every id of the corpus and on awkward ones.
@Suite("Reading node ids")
struct AddressIDTests {
    static let ids: [String] = [
        "", "p", "p1", "p17a", "p4 a", "p17//stk3", "/p1", "p1/", "p1/stk", "p1/stk+3", "p1/stk-3", "p1/stk+",
        "p1/stk3x", "p1/stk99999999999999999999", "p1/stk-9223372036854775808", "p1/stk9223372036854775808",
        "p1/nr", "p1/nrx", "p1/nr4a", "p1/pkt2", "p1/pkt", "p1/pkt-1", "p1/a", "p1/ab", "p1/A", "kap", "kap1",
        "kap1a", "kap1ab", "kap1A", "kapIV", "kapIVa", "kapiv", "kap1 a", "bilag", "bilag1", "bilag1a", "bilag 1",
        "title", "preamble", "signature", "titles", "Title", "document", "p1/stk2/nr3/b/pkt4", "x1", "P1",
        "p1.2", "pa1", "p1/stk1/stk2", "p1/x", "p½", "p١", "kap٣", "bilag٣", "p1/stk٣", "p1\r\n", "p1/é",
        "p\u{0301}1", "p1/stk2/pkt3/", "unplaced1", "bilag1/afsnit2", "p1 /stk2", "p1/ stk2",
    ]

    @Test("Reading an id byte by byte gives the Character-by-Character reading")
    func byteReadingMatchesDefinition() throws {
        var ids = Self.ids
        for path in [TestSupport.v2003, TestSupport.v2020] {
            ids += try TestSupport.parse(path).document.index().order
        }
        #expect(ids.count > 1000)
        for id in ids {
            #expect(Address(id: id) == Address(characters: id), "\(id.debugDescription)")
        }
        #expect(Address(id: "p17/stk3/nr2/b/pkt4") == Address(section: "17", subsection: 3, item: "2", litra: "b", sentence: 4))
        #expect(Address(id: "kap6a")?.chapter == "6 a")
    }

    @Test("Removing spaces from a § number matches Foundation's replacingOccurrences")
    func removingSpaces() {
        for section in ["4 a", "17", " 4  a ", "4\u{00A0}a", "4 æ", "", "4 \u{0301}a"] {
            #expect(Address.removingSpaces(section) == section.replacingOccurrences(of: " ", with: ""))
            #expect("p" + Address.removingSpaces(section) == Address(section: section).id)
        }
    }
}
