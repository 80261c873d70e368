import Foundation
import ParagrafAmendments
import ParagrafTestSupport
import Testing

/// Hostile amending acts: unbalanced quotation marks, instructions for §§ that do not exist, 10,000
/// instructions, deep nesting, long lines, random bytes. Each is read (and applied) with diagnostics and
/// without a crash; the work is linear, so these finish in the time of a normal test (no timing is asserted).
@Suite("Hostile amending acts")
struct HostileAmendmentTests {
    static let intro = "§ 1\nI bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje foretages følgende ændringer:\n"

    @Test func tenThousandInstructions() throws {
        var text = Self.intro
        for n in 1...10_000 {
            switch n % 4 {
            case 0: text += "\(n). I § 10, stk. 1, ændres »\(n) kr.« til: »\(n + 1) kr.«\n"
            case 1: text += "\(n). Efter § \(n) indsættes:\n»§ \(n) a. Kommunen kan \(n).«\n"
            case 2: text += "\(n). I § 9999 ændres »a« til: »b«.\n"
            default: text += "\(n). Noget uforståeligt nr. \(n).\n"
            }
        }
        let read = AmendmentReader.read(text: text, sourceName: "10000.txt")
        let instructions = read.act.instructions
        #expect(instructions.count == 10_000)
        #expect(instructions.filter { $0.status == .unread }.count == 2_500)
        #expect(instructions.last?.number == "10000")
        let applied = AmendmentApplier.apply(read.act.amendments[0], to: try Tandpleje2020.parsed())
        #expect(applied.outcomes.count == 10_000)
        // § 1 to § 38 exist: "Efter § n" applies for n = 1, 5, …, 37 (10 of them), and "»540 kr.«" is in § 10,
        // stk. 1; the §§ 9999 and the other words fail with their codes.
        #expect(applied.outcomes.filter { $0.status == .applied }.count == 11)
        let codes = Set(applied.outcomes.flatMap(\.allDiagnostics).map(\.code))
        #expect(codes == ["A020", "A021", "A025"])
        #expect(applied.body.filter { $0.kind == .section }.count == 38 + 10)
    }

    @Test func tenThousandSectionsInsertedOneAfterTheOther() throws {
        var text = Self.intro
        for n in 1...10_000 {
            text += "\(n). Efter § \(37 + n) indsættes:\n»§ \(38 + n). Bestemmelse \(n).«\n"
        }
        let read = AmendmentReader.read(text: text)
        let applied = AmendmentApplier.apply(read.act.amendments[0], to: try Tandpleje2020.parsed())
        let all = applied.isFullyApplied
        #expect(all)
        let sections = applied.body.filter { $0.kind == .section }
        #expect(sections.count == 38 + 10_000)
        #expect(sections.last?.displayText == "Bestemmelse 10000.")
        #expect(sections.last?.number == "10038")
    }

    @Test func unbalancedQuotationMarks() throws {
        let text =
            Self.intro + """
                1. I § 10, stk. 1, ændres »540 kr. til: »555 kr.
                2. I § 15, stk. 1, ændres 2.010 kr.« til: »2.065 kr.«
                3. Efter § 19 indsättes:
                »§ 19 a. Ny »bestemmelse med et citat, der aldrig lukkes.
                4. § 22 ophæves.
                """ + "\n" + String(repeating: "«", count: 1_000) + "\n" + String(repeating: "»", count: 100_000) + "\n"
        let read = AmendmentReader.read(text: text, sourceName: "quotes.txt")
        let instructions = read.act.instructions
        #expect(instructions.map(\.number) == ["1", "2", "3", "4"])
        #expect(instructions[0].diagnostics.contains { $0.code == "A005" })
        #expect(instructions[1].diagnostics.contains { $0.code == "A006" })
        #expect(instructions[3].operations.first?.kind == .repeal)
        let strays = read.act.allDiagnostics.filter { $0.code == "A006" }
        #expect(strays.count >= 1_000)
        _ = AmendmentApplier.apply(read.act.amendments[0], to: try Tandpleje2020.parsed())
    }

    @Test func deeplyNestedAndVeryLongQuotations() throws {
        let nested = String(repeating: "»", count: 50_000) + "x" + String(repeating: "«", count: 50_000)
        let long = String(repeating: "ord ", count: 250_000)
        let text = Self.intro + "1. I § 10, stk. 1, ændres \(nested) til: »y«\n2. I § 10, stk. 1, ændres »\(long)« til: »z«\n"
        let read = AmendmentReader.read(text: text)
        #expect(read.act.instructions.map(\.status) == [.read, .read])
        let applied = AmendmentApplier.apply(read.act.amendments[0], to: try Tandpleje2020.parsed())
        #expect(applied.outcomes.map(\.status) == [.failed, .failed])
        #expect(applied.outcomes.flatMap(\.allDiagnostics).map(\.code) == ["A021", "A021"])
    }

    @Test func hugeRangesAreCut() throws {
        let read = AmendmentReader.read(
            text: Self.intro + "1. § 10, stk. 1-1000000000, ophæves.\n2. Stk. 1-999999 bliver herefter stk. 2-1000000.\n")
        guard case .repeal(let repeal) = read.act.instructions[0].operations.first?.action else {
            Issue.record("not a repeal")
            return
        }
        #expect(repeal.targets.count == 500)
    }

    @Test func oneLongLineOfFalseStarts() {
        // "1. A 2. A 3. A …" with no verb: no instruction is split off, and the line is read once.
        var text = Self.intro + "1. I § 10 ændres »a« til: »b«. "
        for n in 2...20_000 { text += "\(n). A " }
        let read = AmendmentReader.read(text: text)
        #expect(read.act.instructions.count == 1)
        #expect(read.act.instructions[0].status == .partlyRead)
    }

    @Test func randomBytesAndSplicedActs() throws {
        var rng = SplitMix64(seed: 17)
        let real = try Files.fixtureText("lov-1547-2023.txt")
        let xml = try Files.fixture("lov-1547-2023-extract.xml")
        for round in 0..<60 {
            var bytes: [UInt8]
            switch round % 3 {
            case 0: bytes = (0..<4_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1:
                var t = Array(real.utf8)
                for _ in 0..<40 {
                    let i = Int.random(in: 0..<t.count, using: &rng)
                    let pieces: [[UInt8]] = [
                        Array("»".utf8), Array("«".utf8), Array("\n§ 2\n".utf8), Array("\n3. ".utf8), Array(" ophæves".utf8), [],
                    ]
                    t.replaceSubrange(
                        i..<min(t.count, i + Int.random(in: 0...30, using: &rng)),
                        with: pieces[Int.random(in: 0..<pieces.count, using: &rng)])
                }
                bytes = t
            default:
                var t = xml
                t.removeSubrange(Int.random(in: 0..<t.count / 2, using: &rng)..<Int.random(in: t.count / 2..<t.count, using: &rng))
                bytes = t
            }
            let read = AmendmentReader.read(bytes, sourceName: "random-\(round)")
            for diagnostic in read.act.allDiagnostics.prefix(5) {
                #expect(diagnostic.range.end.offset <= read.source.bytes.count)
                _ = diagnostic.rendered(file: "random", source: read.source)
            }
            _ = AmendmentListFormatter().format(read.act)
            for amendment in read.act.amendments.prefix(2) {
                let applied = AmendmentApplier.apply(amendment, to: try Tandpleje2020.parsed())
                #expect(applied.outcomes.count == amendment.instructions.count)
            }
        }
    }

    @Test func emptyAndBlankInput() {
        for text in ["", "   \n\n\t", "\u{FEFF}"] {
            let read = AmendmentReader.read(text: text, sourceName: "blank")
            #expect(read.act.amendments.isEmpty)
            #expect(read.act.diagnostics.contains { $0.code == "A001" || $0.code == "A002" })
        }
    }
}
