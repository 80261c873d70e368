// libFuzzer target for the XML import (tools/fuzz.sh xml N). Compiled into one module with
// Sources/Paragraf, ParagrafReferences and ParagrafXML (libxml2). Any bytes go through the
// format-detecting DocumentReader (LexDania, HTML or text) and LexDaniaImporter directly.
// Checks: no crash, every node range inside the source, and the tree renders as plain text.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzXML(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    for parsed in [DocumentReader.read(input, sourceName: "fuzz"), LexDaniaImporter.read(input, sourceName: "fuzz")] {
        let n = parsed.source.bytes.count
        parsed.document.root.forEach { node in
            let r = node.range.offsets
            FuzzChecks.require(
                r.lowerBound >= 0 && r.lowerBound <= r.upperBound && r.upperBound <= n, "range \(r) of \(node.id) outside \(n) bytes")
        }
        _ = PlainTextFormatter().format(parsed.document)
    }
    return 0
}
