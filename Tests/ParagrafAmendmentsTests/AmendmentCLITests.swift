import Foundation
import ParagrafTestSupport
import Testing

/// `paragraf amendments`, `apply`, `verify` and `diff --amendments` as a user runs them: output, diagnostics,
/// exit status, help.
@Suite("Amendment commands")
struct AmendmentCLITests {
    static let act = "fixtures/amendments/lov-1547-2023.txt"
    static let base = "fixtures/amendments/lbk-9-2022-extract.json"
    static let consolidated = "fixtures/amendments/lbk-62-2024-extract.xml"
    static let order = "fixtures/amendments/synthetic/bek-aendring-tandpleje.txt"

    @Test func amendmentsListsTheOperations() throws {
        let r = try ParagrafCLI.run(["amendments", Self.act])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        try Golden.expect(r.stdout, "fixtures/amendments/golden/amendments-lov-1547-2023.txt")
        let json = try ParagrafCLI.run(["amendments", Self.act, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let act = try #require(object["act"] as? [String: Any])
        #expect((act["amendments"] as? [Any])?.count == 5)
    }

    @Test func amendmentsExitsOneOnAnUnreadInstruction() throws {
        let text = "§ 1\nI lov om hold af dyr foretages følgende ændring:\n1. Bestemmelsen skal forstås bredt.\n"
        let r = try ParagrafCLI.run(["amendments", "-"], stdin: text)
        #expect(r.status == 1)
        #expect(r.stdout.contains("  1. unread: “Bestemmelsen skal forstås bredt.”"))
        #expect(r.stderr.hasPrefix("-:3:4: warning[A003]: instruction 1 in § 1 could not be read: “Bestemmelsen skal forstås bredt.”"))
    }

    @Test func applyWritesTheAmendedActAndReportsEachInstruction() throws {
        let r = try ParagrafCLI.run(["apply", "2020", Self.order])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n§ 19 a. Kommunalbestyrelsen kan samarbejde med regionsrådet om socialtandplejen.\n"))
        #expect(r.stdout.contains("\nKapitel 4 Socialtandpleje for socialt udsatte\n"))
        try Golden.expect(r.stderr, "fixtures/amendments/golden/apply-synthetic-order.stderr.txt")
    }

    @Test func applyExitsOneAndPrintsBothTexts() throws {
        let text =
            "§ 1\nI bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje foretages følgende ændring:\n1. I § 10, stk. 1, ændres »999 kr.« til: »1 kr.«\n"
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-amend-\(UUID().uuidString).txt")
        try text.write(to: scratch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let r = try ParagrafCLI.run(["apply", "2020", scratch.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("  1. FAILED  replace »999 kr.« with »1 kr.« in § 10, stk. 1"))
        #expect(r.stderr.contains("not applied: »999 kr.« does not occur in § 10, stk. 1\n"))
        #expect(r.stderr.contains("the act has: “Kommunalbestyrelsen kan beslutte, at personer"))
        #expect(r.stderr.contains("maksimalt udgøre 540 kr. årligt"))
        #expect(r.stderr.contains("\(scratch.path):3:4: error[A021]: »999 kr.« does not occur in § 10, stk. 1"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(((object["document"] as? [String: Any])?["root"]) != nil)
    }

    @Test func applyNeedsActWhenTheActAmendsSeveral() throws {
        let r = try ParagrafCLI.run(["apply", Self.base, "fixtures/amendments/lov-1547-2023-extract.xml", "--act", "dyreforsøg"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("  1. FAILED  replace »4.374 kr.« with »6.515 kr.« in § 15, stk. 1"))
        let none = try ParagrafCLI.run(["apply", "2020", Self.act])
        #expect(none.status == 64)
        #expect(none.stderr.contains("amends 5 acts and the base names none of them; choose one with --act: § 1 lov om hold af dyr"))
    }

    @Test func verifyPrintsTheReport() throws {
        let r = try ParagrafCLI.run(["verify", Self.base, Self.act, Self.consolidated])
        #expect(r.status == 0, "\(r.stderr)")
        try Golden.expect(r.stdout, "fixtures/amendments/golden/verify-extracts.txt")
        let md = try ParagrafCLI.run(["verify", Self.base, Self.act, Self.consolidated, "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Verification of fixtures/amendments/lbk-62-2024-extract.xml\n"))
        let json = try ParagrafCLI.run(["verify", Self.base, Self.act, Self.consolidated, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(((object["verification"] as? [String: Any])?["changes"] as? [Any])?.count == 11)
    }

    @Test func verifyExitsOneWhenTheConsolidationDiffers() throws {
        // The base as its own "consolidation": the amendment is missing from it.
        let r = try ParagrafCLI.run(["verify", Self.base, Self.act, Self.base])
        #expect(r.status == 1)
        #expect(r.stdout.contains("  § 53 a: MISSING from the consolidation (changed by instruction 1)"))
        #expect(r.stdout.hasSuffix("Result: DISAGREES: 2 provisions differ.\n"))
    }

    @Test func diffNamesTheInstructionBehindEachChange() throws {
        let r = try ParagrafCLI.run(["diff", Self.base, Self.consolidated, "--amendments", Self.act])
        #expect(r.status == 0)
        #expect(
            r.stdout.contains(
                "\nInstructions behind the changes (LOV af 12. december 2023, § 1: lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022)\n"
            ))
        #expect(r.stdout.contains("\n  — → § 53 a (section added): instruction 1\n"))
        #expect(r.stdout.contains("\n  § 66, stk. 6 → § 66, stk. 7 (subsection renumbered): instruction 2\n"))
        let html = try ParagrafCLI.run(["diff", Self.base, Self.consolidated, "--amendments", Self.act, "--format", "html"])
        #expect(html.stdout.contains("<section id=\"amendments\">"))
        #expect(html.stdout.hasSuffix("</ol></section>\n</body></html>\n"))
    }

    @Test(arguments: ["amendments", "apply", "verify"])
    func helpHasAnExample(_ command: String) throws {
        let r = try ParagrafCLI.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("paragraf \(command) "))
    }
}
