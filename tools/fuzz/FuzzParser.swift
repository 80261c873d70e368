// libFuzzer target for the text parser (tools/fuzz.sh parser N). Compiled into one module with
// Sources/Paragraf, so it can check the invariants the test suite checks:
// - parsing never crashes, and every range lies inside the (decoded) source;
// - every non-whitespace byte lies in exactly one atom (a leaf's range, a label or a title);
// - the outline, plain-text and JSON renderings of the tree do not crash.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let parsed = RegulationParser.parse(input, sourceName: "fuzz")
    FuzzChecks.atoms(parsed)
    _ = PlainTextFormatter().format(parsed.document)
    _ = OutlineFormatter().format(parsed)
    _ = SummaryFormatter().format(parsed.document)
    for diagnostic in parsed.document.diagnostics.prefix(20) { _ = diagnostic.rendered(file: "fuzz", source: parsed.source) }
    return 0
}
