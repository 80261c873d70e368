import Foundation
import Testing

@testable import ParagrafReferences

/// Hostile input for the citation extractor and resolver (issue 6): a flood of chained citations must
/// finish in one linear pass with bounded output. Speed is measured by tools/bench.sh, not here.
@Suite("Hostile citations")
struct HostileCitationTests {
    @Test(#"100 000 chained "jf. § 1, stk. 1," citations"#)
    func chainedCitations() {
        let text = "§ 1. Tekst " + String(repeating: "jf. § 1, stk. 1, ", count: 100_000) + "gælder.\nStk. 2. Mere tekst."
        let parsed = RegulationParser.parse(text: text, sourceName: "jf")
        let graph = ReferenceGraph(parsed: parsed)
        #expect(graph.citations.count == 100_000)
        #expect(graph.citations.allSatisfy { $0.citation.lead == .jf && $0.citation.text == "§ 1, stk. 1" })
        #expect(graph.citations.allSatisfy { $0.targets.count == 1 && $0.targets[0].status == .resolved })
        #expect(graph.citations.allSatisfy { $0.sourceID == "p1/stk1/pkt1" && $0.targets[0].nodeID == "p1/stk1" })
        #expect(graph.incoming(to: "p1/stk1").count == 100_000)
        #expect(graph.incoming(to: "p1/stk2").isEmpty)
        // The parse itself says the text has no title or signature.
        #expect(parsed.document.diagnostics.map(\.code) == ["P011", "P011"])
    }
}
