// libFuzzer target for the diff (tools/fuzz.sh diff N). Compiled into one module with Sources/Paragraf,
// Sources/ParagrafReferences and Sources/ParagrafDiff. The input holds two versions separated by two NUL
// bytes (the seeds are the fixture pairs and 2003 + 2020 so joined); an input without the separator is
// diffed against itself with its middle third cut out. Checks:
// - comparing (with both citation graphs) and rendering every report format never crashes;
// - every source range the diff reports lies inside its version's source, and every segment's text
//   is present on the side(s) its operation says.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzDiff(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let (oldBytes, newBytes) = FuzzDiffInput.split(input)
    let old = RegulationParser.parse(oldBytes, sourceName: "old")
    let new = RegulationParser.parse(newBytes, sourceName: "new")
    let diff = VersionDiff.compare(
        old, new, oldGraph: ReferenceGraph(parsed: old), newGraph: ReferenceGraph(parsed: new))
    let oldCount = old.source.bytes.count
    let newCount = new.source.bytes.count
    func inside(_ range: LocatedRange?, _ count: Int, _ what: @autoclosure () -> String) {
        guard let r = range else { return }
        FuzzChecks.require(
            0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= count,
            "\(what()) range \(r.start.offset)..<\(r.end.offset) outside a source of \(count) bytes")
    }
    for section in diff.sections {
        for provision in section.provisions {
            inside(provision.old?.range, oldCount, "old provision")
            inside(provision.new?.range, newCount, "new provision")
            for segment in provision.segments {
                inside(segment.oldRange, oldCount, "old segment")
                inside(segment.newRange, newCount, "new segment")
                switch segment.operation {
                case .insert: FuzzChecks.require(segment.new != nil, "an insertion without new text")
                case .delete: FuzzChecks.require(segment.old != nil, "a deletion without old text")
                case .equal, .replace: FuzzChecks.require(segment.old != nil || segment.new != nil, "a segment without text")
                }
            }
        }
    }
    for amount in diff.amounts {
        inside(amount.oldRange, oldCount, "old amount")
        inside(amount.newRange, newCount, "new amount")
    }
    for term in diff.terms {
        for place in term.places {
            inside(place.oldRange, oldCount, "old term place")
            inside(place.newRange, newCount, "new term place")
        }
    }
    for duty in diff.duties {
        inside(duty.oldRange, oldCount, "old duty")
        inside(duty.newRange, newCount, "new duty")
    }
    _ = TextReportFormatter().format(diff)
    _ = MarkdownReportFormatter(includeUnchanged: true).format(diff)
    _ = HTMLReportFormatter().format(diff)
    FuzzChecks.require((try? JSONReportFormatter().format(diff)) != nil, "the JSON report failed")
    return 0
}

enum FuzzDiffInput {
    /// The two versions in `input`: before and after the first two NUL bytes, or the input and the input
    /// without its middle third.
    static func split(_ input: [UInt8]) -> ([UInt8], [UInt8]) {
        if let i = input.indices.dropLast().first(where: { input[$0] == 0 && input[$0 + 1] == 0 }) {
            return (Array(input[..<i]), Array(input[(i + 2)...]))
        }
        let third = input.count / 3
        return (input, Array(input[..<third] + input[(2 * third)...]))
    }
}
