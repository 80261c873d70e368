import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

/// Real layouts the parser missed on the Retsinformation documents (issue 14): each fixture is a short excerpt
/// of one document as `tools/corpus-score.sh text ID --provisions FROM-TO` writes it (title, chapter lines,
/// one § per line), listed with its source in `fixtures/parser-recall/README.md`. The expected § sequence is
/// the document's own provision list.
@Suite("Real layouts from Retsinformation (issue 14)")
struct ParserRecallTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// The fixture's name in `fixtures/parser-recall/`.
        var file: String
        /// Every § in order, one per § of a range ("§§ 52 b-52 d." is 52 b, 52 c, 52 d), letters lower-cased.
        var sections: [String]
        /// Chapter number → its §§, where the excerpt has chapters.
        var chapters: [(String, [String])] = []

        var testDescription: String { file }
    }

    static let cases: [Case] = [
        // Capital letters: "§ 6 A.", "Kapitel 10 A", "§§ 2 A – 2 C. (Ophævet)", "Kapitel VII A".
        Case(file: "capital-sections-2010-1185", sections: ["6 a", "6 b", "6 c", "6 d"], chapters: [("2", ["6 a", "6 b", "6 c", "6 d"])]),
        Case(
            file: "capital-chapters-2017-221", sections: ["89", "89 a", "90", "91"],
            chapters: [("10 a", ["89", "89 a", "90"]), ("10 b", ["91"])]),
        Case(file: "capital-ranges-2009-176", sections: ["2 a", "2 b", "2 c", "3", "3 a", "4", "4 a", "4 b"]),
        Case(
            file: "roman-chapters-2019-927", sections: ["46 e", "46 f", "46 g", "46 h", "46 i", "47"],
            chapters: [("7 a", ["46 e", "46 f", "46 g", "46 h", "46 i"]), ("8", ["47"])]),
        Case(
            file: "chapter-letter-no-break-space-2018-1284", sections: ["91", "92"],
            chapters: [("9 a", ["91"]), ("9 b", ["92"])]),
        // Ranges and lists of repealed or omitted §§ in other spellings than "§§ N-M.".
        Case(file: "range-letters-2007-994", sections: ["52 b", "52 c", "52 d", "52 e", "52 f"]),
        Case(file: "range-letter-to-number-2009-137", sections: ["21", "21 a", "22", "23", "23 a"]),
        Case(file: "range-two-signs-2009-946", sections: ["8 a", "8 b", "9", "10"]),
        Case(file: "range-periods-2009-1486", sections: ["97", "98", "99", "100", "101", "102"]),
        Case(file: "range-one-sign-2010-1005", sections: ["56", "57", "58", "59", "60"]),
        Case(file: "range-without-period-2022-1391", sections: ["55", "56", "57", "58", "59", "60"]),
        Case(file: "range-en-dash-2009-266", sections: ["22", "23", "24", "25", "26", "27"]),
        Case(file: "list-og-2011-896", sections: ["16", "17", "18", "19", "20"]),
        Case(file: "list-og-without-period-2009-395", sections: ["167", "168", "169", "170"]),
        // Letters that are also words or not ASCII: "§ 343 i. § 64, stk. 1-3, finder …", "§ 21 o.", "§ 343 æ.".
        Case(file: "letter-i-2007-1413", sections: ["343 g", "343 h", "343 i", "343 j"]),
        Case(file: "letter-o-2009-969", sections: ["21 n", "21 o", "21 p"]),
        Case(file: "letter-ae-2014-911", sections: ["343 y", "343 z", "343 æ"]),
        // A § after a line that does not end the way a sentence usually does, and a label without a period.
        Case(file: "previous-line-abbreviation-2008-642", sections: ["6", "7"]),
        Case(file: "previous-line-capital-letter-2007-1107", sections: ["14", "15"]),
        Case(file: "previous-line-acronym-2023-596", sections: ["3", "4"]),
        Case(file: "previous-line-unit-2016-499", sections: ["2", "3"]),
        Case(file: "previous-line-table-residue-2007-1241", sections: ["14", "15"]),
        Case(file: "previous-line-without-period-2007-1117", sections: ["48 a", "49"]),
        Case(file: "label-without-period-2016-35", sections: ["2", "3", "4"], chapters: [("1", ["2"]), ("2", ["3", "4"])]),
        // A list that lost its last item ends "…, og" before the next § (a conjunction after prose, not "§ 3 og").
        Case(file: "previous-line-og-2013-363", sections: ["3", "4", "5"]),
        // An amending act's in-force § in a consolidated act's notes, after a line that lost its period.
        Case(file: "in-force-after-unended-line-2025-1463", sections: ["85", "7", "8"], chapters: [("15", ["85", "7", "8"])]),
        // "… indsættes følgende som § 3 a efter overskriften »…«: § 3 a. …": the § an amending note quotes.
        Case(file: "instruction-colon-2015-1578", sections: ["2", "3", "4"], chapters: [("1", ["2"]), ("2", ["3", "4"])]),
    ]

    /// The § numbers in document order; a node numbered as a range or list ("52 b-52 d", "168 og 169") counts as
    /// its first § (the others follow it as nodes of their own).
    static func sectionNumbers(_ nodes: [Node]) -> [String] {
        nodes.filter { $0.kind == .section }.map { node in
            let number = node.number ?? "?"
            let first = number.components(separatedBy: " og ")[0].split(separator: "-").first ?? Substring(number)
            return String(first).lowercased()
        }
    }

    @Test(arguments: cases)
    func sectionSequence(_ c: Case) throws {
        let parsed = try TestSupport.parse("fixtures/parser-recall/\(c.file).txt")
        #expect(TestSupport.atomViolation(parsed) == nil)
        let document = parsed.document
        #expect(Self.sectionNumbers(document.sections) == c.sections)
        if !c.chapters.isEmpty {
            let chapters = document.chapters.map { ($0.number ?? "?", Self.sectionNumbers($0.children)) }
            #expect(chapters.map(\.0) == c.chapters.map(\.0))
            #expect(chapters.map(\.1) == c.chapters.map(\.1))
        }
    }
}
