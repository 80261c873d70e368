// libFuzzer target for the amending-act reader and the applier (tools/fuzz.sh amendments N). Compiled into
// one module with Sources/Paragraf, ParagrafReferences, ParagrafXML, ParagrafDiff and ParagrafAmendments.
// Seeds are amending acts (fixtures/amendments, ../shared/lexdania/LOV-*.xml), which libFuzzer cuts, splices
// and unbalances. Checks:
// - reading never crashes or hangs, whatever the bytes (text or LexDania XML);
// - every range (act, instruction, operation, quotation, diagnostic) lies inside the source;
// - every instruction is read, partly read or unread, and an unread one has its text and a diagnostic;
// - the list, its JSON and every operation's summary render;
// - each amendment applies to the bundled BEK 1077/2020 with one outcome per instruction, and the amended
//   text parses.
import Foundation

/// The base the fuzzed instructions are applied to (the corpus's 2020 text, read once; nil when the fuzzer
/// runs elsewhere than the package root).
let fuzzAmendmentsBase: ParsedDocument? = {
    guard let data = FileManager.default.contents(atPath: "corpus/tandpleje/2020-bek-tandpleje.txt") else { return nil }
    return RegulationParser.parse([UInt8](data), sourceName: "2020")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzAmendments(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let read = AmendmentReader.read(input, sourceName: "fuzz")
    let n = read.source.bytes.count
    func inside(_ r: SourceRange, _ what: String) {
        FuzzChecks.require(
            r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= n, "\(what) \(r.offsets) outside 0..<\(n)")
    }
    let act = read.act
    for amendment in act.amendments {
        inside(amendment.range, "§ \(amendment.section)")
        for instruction in amendment.instructions {
            inside(instruction.range, "instruction \(instruction.number)")
            FuzzChecks.require(
                instruction.status != .unread || !instruction.diagnostics.isEmpty,
                "unread instruction \(instruction.number) without a diagnostic")
            for operation in instruction.operations {
                inside(operation.range, "operation of \(instruction.number)")
                if let content = operation.content { inside(content.range, "quotation of \(instruction.number)") }
                _ = operation.summary
            }
        }
    }
    for own in act.ownProvisions { inside(own.range, "own § \(own.section)") }
    for diagnostic in act.allDiagnostics.prefix(50) {
        inside(diagnostic.range, "diagnostic \(diagnostic.code)")
        _ = diagnostic.rendered(file: "fuzz", source: read.source)
    }
    _ = AmendmentListFormatter().format(act)
    _ = try? JSONEncoder().encode(act)
    if let base = fuzzAmendmentsBase {
        for amendment in act.amendments.prefix(3) {
            let applied = AmendmentApplier.apply(amendment, to: base)
            FuzzChecks.require(applied.outcomes.count == amendment.instructions.count, "one outcome per instruction")
            _ = ApplyReportFormatter().format(applied, act: act)
            FuzzChecks.require(applied.parsed.source.bytes.count == applied.text.utf8.count, "the amended text parses")
        }
    }
    return 0
}
