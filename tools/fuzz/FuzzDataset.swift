// libFuzzer target for the dataset reader (tools/fuzz.sh dataset N). Compiled into one module with
// Sources/Paragraf. Seeds are real dataset documents (fixtures/dataset, ../shared/danish-law/works), which
// libFuzzer cuts, retypes and nests. Checks:
// - reading never crashes or hangs, whatever the bytes;
// - every node's range, label range and title range lies inside the file, and inside its parent's range;
// - every diagnostic's range lies inside the file and renders;
// - the outline and plain-text renderings of the tree do not crash.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzDataset(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let parsed = DatasetReader.read(input, sourceName: "fuzz")
    let n = parsed.source.bytes.count
    func inside(_ r: SourceRange, _ outer: Range<Int>, _ what: String) {
        FuzzChecks.require(
            r.start.offset >= outer.lowerBound && r.start.offset <= r.end.offset && r.end.offset <= outer.upperBound,
            "\(what) \(r.offsets) outside \(outer)")
    }
    func walk(_ node: Node, _ outer: Range<Int>) {
        inside(node.range, outer, "range of \(node.id)")
        if let r = node.labelRange { inside(r, 0..<n, "label of \(node.id)") }
        if let r = node.titleRange { inside(r, 0..<n, "title of \(node.id)") }
        for child in node.children { walk(child, node.kind == .chapter ? 0..<n : node.range.offsets) }
    }
    walk(parsed.document.root, 0..<n)
    for diagnostic in parsed.document.diagnostics.prefix(20) {
        inside(diagnostic.range, 0..<n, "diagnostic \(diagnostic.code)")
        _ = diagnostic.rendered(file: "fuzz", source: parsed.source)
    }
    _ = PlainTextFormatter().format(parsed.document)
    _ = OutlineFormatter().format(parsed.document)
    return 0
}
