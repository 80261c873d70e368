import Foundation
import Testing

@testable import ParagrafDiff

/// The library examples of the README, kept compiling and true.
@Suite("README library examples")
struct ReadmeExampleTests {
    @Test func foundationReferencesAndDiff() throws {
        let corpus = try Corpus(directory: Corpus.bundledDirectory())
        let parsed = try corpus.load(try corpus.version("2003"))
        let index = parsed.document.nodeTable()
        guard case .success(let node) = index.lookup(try Address.parse("§ 17, stk. 3")) else {
            Issue.record("§ 17, stk. 3 not found")
            return
        }
        #expect(index.place(of: node.id) == "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3")
        #expect(node.children(.sentence).count == 2)
        #expect(parsed.source.locations.location(of: node.range.start).description == "1013:1")
        if case .failure(let error) = index.lookup(try Address.parse("§ 17, stk. 9")) {
            #expect(error.description == "§ 17, stk. 9 findes ikke: § 17 har stk. 1-5")
        } else {
            Issue.record("§ 17, stk. 9 should not exist")
        }
        let other = RegulationParser.parse(Array("§ 1. Kommunen skal.\nStk. 2. Regionen kan.".utf8))
        #expect(other.document.sections.first!.children.count == 2)

        let graph = ReferenceGraph(parsed: parsed)
        #expect(graph.incoming(to: "p17").count > 0)
        #expect(graph.unresolved.map(\.citation.text) == ["§ 18, stk. 1, 2. pkt."])

        let new = try corpus.load(try corpus.version("2020"))
        let diff = VersionDiff.compare(parsed, new)
        #expect(MarkdownReportFormatter().format(diff).contains("380 kr. → 540 kr."))
        var page = ""
        HTMLReportFormatter().write(diff) { piece in page += piece }
        #expect(page == HTMLReportFormatter().format(diff))
    }
}
