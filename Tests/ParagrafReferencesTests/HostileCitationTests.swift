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

    /// A libFuzzer "slow unit" (tools/fuzz.sh citations): a 35 KB sentence of 1 396 "nr. 1 af 1. januar
    /// 2004" instrument references. Linear in a release build (≈ 10 ms); the fuzz harness had called
    /// `outgoing(from:)`, which scans every citation, once per citation.
    @Test("a sentence of 1 396 instrument references (fuzz regression)")
    func manyInstrumentReferences() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("fixtures/regressions/fuzz-citations-slow-many-instrument-numbers.txt")
        let parsed = RegulationParser.parse([UInt8](try Data(contentsOf: url)), sourceName: "fuzz")
        let graph = ReferenceGraph(parsed: parsed)
        #expect(graph.citations.count == 1396)
        #expect(graph.citations.first?.citation.kind == .otherInstrument)
        #expect(graph.citations.first?.citation.text == "Bekendtgørelse nr. 1 af 1. januar 2004")
        #expect(graph.outgoing(from: "p1").count == 1396)
    }
}
