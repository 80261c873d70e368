// libFuzzer target for citation extraction and resolution (tools/fuzz.sh citations N). Compiled into
// one module with Sources/Paragraf and Sources/ParagrafReferences. The input is read both as a
// regulation (parse, then extract and resolve every citation into a ReferenceGraph) and as prose.
// Checks: no crash, and every citation's range lies inside the source.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzCitations(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let parsed = RegulationParser.parse(input, sourceName: "fuzz")
    let graph = ReferenceGraph(parsed: parsed)
    for (n, cite) in graph.citations.enumerated() {
        let range = cite.citation.span.offsets
        FuzzChecks.require(
            range.lowerBound >= 0 && range.lowerBound <= range.upperBound && range.upperBound <= parsed.source.bytes.count,
            "citation range \(range) outside the source")
        // `outgoing(from:)` filters all citations (O(n) a call): a few calls, not one per citation,
        // or large inputs become "slow units" (the 35 KB regression fixture took 2.5 s that way).
        if n < 16, let source = cite.sourceID { _ = graph.outgoing(from: source) }
    }
    _ = VersionCheck.findings(parsed: parsed, graph: graph)
    let prose = CitationExtractor().citations(inProse: String(decoding: input, as: UTF8.self))
    _ = prose.map(\.description)
    return 0
}
