import Foundation
import ParagrafAmendments
import Testing

/// LOV nr. 1547 af 12. december 2023 (amends lov om hold af dyr in § 1 and four other acts in §§ 2-5), read
/// from its text (as Retsinformation prints it, `fixtures/amendments/lov-1547-2023.txt`) and from LexDania XML
/// (an extract in `fixtures/`, the whole file in `../shared/lexdania/`).
@Suite("Reading LOV 1547/2023")
struct RealActReaderTests {
    static let expectedSummaries: [String: [[String]]] = [
        "1": [
            ["insert after § 53: § 53 a (3 stk.)"],
            ["insert after § 66, stk. 2: stk. 3", "renumber § 66, stk. 3-6 → stk. 4-7"],
        ],
        "2": [
            ["repeal § 43, stk. 3-5 and insert in place: stk. 3, stk. 4", "renumber § 43, stk. 6 og 7 → stk. 5 og 6"],
            [
                "replace »stk. 3 og 5« with »stk. 3 og 4« in § 43, stk. 6 (som bliver stk. 5)",
                "insert as § 43, stk. 6 (som bliver stk. 5), 2. pkt.: 1 sentence",
            ],
            ["insert as § 43, stk. 7: stk. 7"],
        ],
        "3": [["insert after § 36 b: § 36 c (3 stk.)"]],
        "4": [
            ["replace »4.374 kr.« with »6.515 kr.« in § 15, stk. 1", "replace »883 kr.« with »1.315 kr.« in § 15, stk. 1"],
            ["insert after § 15, stk. 1: stk. 2", "renumber § 15, stk. 2 og 3 → stk. 3 og 4"],
            ["insert as § 15, stk. 3 (som bliver stk. 4), 2. pkt.: 1 sentence"],
        ],
        "5": [["insert after § 2 b: § 2 c (2 stk.)"]],
    ]

    func summaries(_ act: AmendingAct) -> [String: [[String]]] {
        Dictionary(uniqueKeysWithValues: act.amendments.map { a in (a.section, a.instructions.map { $0.operations.map(\.summary) }) })
    }

    @Test func textReadsEveryInstruction() throws {
        let read = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt"), sourceName: "lov-1547-2023.txt")
        let act = read.act
        #expect(
            act.title
                == "Lov om ændring af lov om hold af dyr, dyrevelfærdsloven, lov om dyrlæger, lov om dyreforsøg og lov om foderstoffer")
        #expect(act.documentType == .lov)
        #expect(act.signingDate?.description == "2023-12-12")
        #expect(
            act.amendments.map(\.actName) == [
                "lov om hold af dyr", "dyrevelfærdsloven", "lov om dyrlæger", "lov om dyreforsøg", "lov om foderstoffer",
            ])
        #expect(act.amendments.map { $0.instrument?.number } == ["9", "1597", "1523", "1107", "1000"])
        #expect(act.amendments[0].instrument?.type == .lovbekendtgoerelse)
        #expect(act.amendments[0].instrument?.date?.description == "2022-01-06")
        #expect(act.amendments[0].instrument?.text == "lovbekendtgørelse nr. 9 af 6. januar 2022")
        #expect(act.instructions.count == 10)
        #expect(act.instructions.allSatisfy { $0.status == .read })
        #expect(summaries(act) == Self.expectedSummaries)
        #expect(act.ownProvisions.map(\.section) == ["6", "7"])
        #expect(act.ownProvisions[0].inForceDate?.description == "2024-01-01")
        #expect(act.ownProvisions[0].isInForce && !act.ownProvisions[1].isInForce)
        #expect(act.allDiagnostics.isEmpty, "\(act.allDiagnostics)")
    }

    @Test func textRangesPointAtTheInstructions() throws {
        let read = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt"))
        let second = read.act.amendments[0].instructions[1]
        #expect(second.number == "2")
        #expect(read.source.locations.location(of: second.range.start).line == 11)
        #expect(read.source.string(second.range.offsets).hasPrefix("I § 66 indsættes efter stk. 2 som nyt stykke:"))
        #expect(read.source.string(second.range.offsets).hasSuffix("Stk. 3-6 bliver herefter stk. 4-7."))
        let renumbering = second.operations[1]
        #expect(read.source.string(renumbering.range.offsets) == "Stk. 3-6 bliver herefter stk. 4-7")
        #expect(read.source.locations.location(of: renumbering.range.start).line == 13)
        let quote = try #require(second.operations[0].content)
        #expect(read.source.string(quote.range.offsets).hasPrefix("»Stk. 3. Ministeren kan delegere"))
        #expect(
            read.source.locations.location(of: quote.range.start).line == 12
                && read.source.locations.location(of: quote.range.start).column == 1)
    }

    /// The quoted new text is read as provisions of the act amended, not of the amending act.
    @Test func quotedTextIsReadAsProvisionsOfTheAmendedAct() throws {
        let act = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt")).act
        let first = try #require(act.amendments[0].instructions[0].operations[0].content)
        #expect(first.form == .sections)
        let section = try #require(first.provisions.first)
        #expect(section.kind == .section && section.number == "53 a" && section.label == "§ 53 a.")
        #expect(section.children.map(\.number) == ["1", "2", "3"])
        #expect(
            section.children[1].children.map(\.text) == [
                "Beløbet i stk. 1 bliver årligt pr. 1. januar pris- og lønreguleret med den sats for det generelle pris- og lønindeks, der er fastsat af Finansministeriet.",
                "Det regulerede beløb afrundes til nærmeste hele kronebeløb og offentliggøres ved bekendtgørelse.",
            ])
        // § 2, nr. 1: two stk., the first with six items.
        let replacement = try #require(act.amendments[1].instructions[0].operations[0].content)
        #expect(replacement.form == .subsections)
        #expect(replacement.provisions.map(\.label) == ["Stk. 3.", "Stk. 4."])
        let items = replacement.provisions[0].children.filter { $0.kind == .item }
        #expect(items.map(\.number) == ["1", "2", "3", "4", "5", "6"])
        #expect(items[5].children.first?.text?.hasPrefix("710 kr. for ejere af dyrehold") == true)
        // § 3: the nested »hest« and »kæledyr« stay inside the quotation.
        let vets = try #require(act.amendments[2].instructions[0].operations[0].content)
        #expect(vets.provisions.first?.children.first?.displayText.hasSuffix("end dyregrupperne »hest« og »kæledyr«.") == true)
        // § 4, nr. 3: one sentence.
        let sentence = try #require(act.amendments[3].instructions[2].operations[0].content)
        #expect(sentence.form == .sentences)
        #expect(
            sentence.provisions.map(\.text) == [
                "Ministeren kan endvidere fastsætte regler om helt eller delvis at undlade opkrævning efter stk. 1."
            ])
    }

    @Test func xmlExtractReadsLikeTheText() throws {
        let read = AmendmentReader.read(try Files.fixture("lov-1547-2023-extract.xml"), sourceName: "extract.xml")
        let act = read.act
        #expect(act.number == "1547" && act.year == 2023 && act.signingDate?.description == "2023-12-12")
        #expect(act.designation == "LOV nr. 1547 af 12. december 2023")
        #expect(act.amendments.map(\.section) == ["1", "4"])
        #expect(summaries(act)["1"] == Self.expectedSummaries["1"])
        #expect(summaries(act)["4"] == Self.expectedSummaries["4"])
        #expect(act.ownProvisions.first?.inForceDate?.description == "2024-01-01")
        // Ranges index the XML: instruction 1's sentence "Efter § 53 indsættes:" is on line 68.
        let first = act.amendments[0].instructions[0]
        #expect(read.source.locations.location(of: first.range.start).line == 68)
        #expect(read.source.string(first.operations[0].range.offsets).hasPrefix("Efter § 53 indsættes:"))
        #expect(act.allDiagnostics.isEmpty, "\(act.allDiagnostics)")
    }

    @Test(.enabled(if: Files.shared("lexdania/LOV-2023-1547-aendring-hold-af-dyr.xml") != nil, "needs ../shared/lexdania"))
    func wholeXMLReadsLikeTheText() throws {
        let url = try #require(Files.shared("lexdania/LOV-2023-1547-aendring-hold-af-dyr.xml"))
        let xml = AmendmentReader.read(try Files.bytes(url)).act
        let text = AmendmentReader.read(try Files.fixture("lov-1547-2023.txt")).act
        #expect(summaries(xml) == Self.expectedSummaries)
        #expect(xml.amendments.map(\.target) == text.amendments.map(\.target))
        // The quoted provisions are the same whichever reader made them.
        let fromXML = xml.instructions.flatMap(\.operations).compactMap(\.content).map(\.provisions)
        let fromText = text.instructions.flatMap(\.operations).compactMap(\.content).map(\.provisions)
        #expect(fromXML == fromText)
        #expect(xml.ownProvisions.map(\.text) == text.ownProvisions.map(\.text))
    }
}
