// libFuzzer target for the corpus import reader (tools/fuzz.sh import N). Compiled into one module with
// Sources/Paragraf, ParagrafReferences, ParagrafXML and the parts of ParagrafStore that do not touch the
// database (the reader, the preparer, the node and citation rows, the folding, the search query).
// Any bytes are written to a file and read as an import would read them (JSON lines, pretty JSON, or one
// document of any format), and each document is prepared for the database.
// Checks: no crash; no document over the limit; node rows form a tree (parents before children, subtrees
// nested); units, citations and targets name existing rows; folding is idempotent; the line table round-trips;
// a search query made of the input either is rejected or quotes every word.
import Foundation

/// The file each input is written to, removed when the fuzzer exits.
private let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-fuzz-import-\(getpid()).jsonl").path
private let removeScratchAtExit: Void = { atexit { unlink(scratch) } }()

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzImport(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = removeScratchAtExit
    let input = Data(bytes: data, count: count)
    FuzzChecks.require(FileManager.default.createFile(atPath: scratch, contents: input), "cannot write \(scratch)")
    let limit = 64 << 10
    let preparer = DocumentPreparer(maximumBytes: limit)
    do {
        let reader = try ImportReader([.path(scratch)], limit: limit)
        var items = 0
        while let item = try reader.next() {
            items += 1
            FuzzChecks.require(items <= count + 1, "more documents than bytes")
            FuzzChecks.require(item.bytes.count <= limit, "a document of \(item.bytes.count) bytes passed the limit")
            guard case .success(let document) = preparer.prepare(item) else { continue }
            check(document)
        }
    } catch {
        FuzzChecks.require(false, "the reader threw on a readable file: \(error)")
    }
    if let text = String(data: input.prefix(512), encoding: .utf8), let query = try? SearchQuery(text) {
        FuzzChecks.require(query.expression.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes in \(query.expression)")
    }
    return 0
}

private func check(_ document: PreparedDocument) {
    let rows = document.rows
    FuzzChecks.require(rows.first?.kind == .document, "the first row is not the document")
    for (i, row) in rows.enumerated() {
        FuzzChecks.require(Int(row.last) >= i && Int(row.last) < rows.count, "row \(i): last \(row.last) out of range")
        FuzzChecks.require(row.start <= row.end, "row \(i): inverted range")
        if i > 0 {
            let parent = Int(row.parent)
            FuzzChecks.require(parent >= 0 && parent < i, "row \(i): parent \(parent) not before it")
            FuzzChecks.require(Int(rows[parent].last) >= Int(row.last), "row \(i): subtree leaves its parent's")
        }
    }
    for unit in document.units {
        FuzzChecks.require(Int(unit.ordinal) < rows.count, "unit \(unit.ordinal) out of range")
        FuzzChecks.require(TextFolding.fold(unit.body) == unit.body, "folding is not idempotent: \(unit.body.prefix(80))")
    }
    for citation in document.citations {
        FuzzChecks.require(Int(citation.node) < rows.count, "citation node \(citation.node) out of range")
        if let target = citation.target { FuzzChecks.require(Int(target) < rows.count, "citation target \(target) out of range") }
        FuzzChecks.require(citation.start <= citation.end, "citation span inverted")
    }
    let lines = LineTable(blob: document.lines)
    FuzzChecks.require(LineTable(starts: lines.starts).encoded == document.lines, "the line table does not round-trip")
}
