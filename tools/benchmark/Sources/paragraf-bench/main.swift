import Foundation
import Paragraf
import ParagrafDiff
import ParagrafReferences
import ParagrafXML

// paragraf-bench: the measuring half of tools/bench.sh. Subcommands:
//   generate SEED FACTOR OUT         scale a regulation ×FACTOR with consecutive renumbering
//   flatten XML OUT                  LexDania XML → plain regulation text (PlainTextFormatter)
//   measure NAME FILE [options]      time byte scan, parse, citations, diff; print one TSV row
//   once parse|read|full FILE [NEW]  do the work once (for /usr/bin/time -v peak memory)
//   once diff|diff-graphs OLD NEW    parse both and diff them once (with the graphs built first for
//                                    diff-graphs), for callgrind
//   once cite FILE                   parse and build one ReferenceGraph (for callgrind, and for the
//                                    peak memory of parse + citations)
//   loop FILE SECONDS|-RUNS          parse again and again (for perf record / callgrind)
//   loop-diff OLD NEW SECONDS        diff again and again, graphs given (for perf record)
//   growth LABEL OLD NEW OLD×10 NEW×10  time growth interleaved: each round times the small and the
//                                    large pair back to back; prints one Markdown row of median ratios
//   table                            read TSV rows on stdin, print the Markdown table

// MARK: Timing

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Keeps results alive so that the optimizer cannot drop the measured work.
nonisolated(unsafe) var sink = 0

/// Runs `body` until `minSeconds` have passed and at least `minRuns` runs were made (one run of a
/// slow step is enough: the ×1000 diff takes a minute); returns the
/// fastest and the median run time in seconds.
func time(minSeconds: Double, minRuns: Int = 1, maxRuns: Int = 2000, _ body: () -> Int) -> (best: Double, median: Double) {
    var times: [Double] = []
    let start = now()
    while times.count < minRuns || (now() - start < minSeconds && times.count < maxRuns) {
        let t0 = now()
        sink &+= body()
        times.append(now() - t0)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}

/// The scalar floor: count line feeds in a `[UInt8]`, one byte at a time.
@inline(never)
func countLines(_ bytes: [UInt8]) -> Int {
    var count = 0
    for byte in bytes where byte == 0x0A { count += 1 }
    return count
}

func read(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(66)
    }
    return [UInt8](data)
}

func write(_ bytes: [UInt8], to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
        exit(73)
    }
}

func usage() -> Never {
    FileHandle.standardError.write(
        Data(
            """
            usage: paragraf-bench generate SEED FACTOR OUT
                   paragraf-bench flatten XML OUT
                   paragraf-bench measure NAME FILE [--old FILE --new FILE] [--xml FILE] [--wc-mbps X]
                                  [--peak-kb N] [--base-kb N] [--cite-kb N] [--full-kb N] [--seconds S]
                   paragraf-bench once parse|read|full FILE [NEW]
                   paragraf-bench once diff|diff-graphs OLD NEW
                   paragraf-bench once cite FILE
                   paragraf-bench loop-diff OLD NEW SECONDS
                   paragraf-bench growth LABEL OLD NEW OLD_LARGE NEW_LARGE [--rounds N]
                   paragraf-bench table < rows.tsv
                   paragraf-bench loop FILE SECONDS|-RUNS

            """.utf8))
    exit(64)
}

// MARK: Commands

func generate(_ arguments: [String]) {
    guard arguments.count == 3, let factor = Int(arguments[1]), factor >= 1 else { usage() }
    let generator = CorpusGenerator(seed: read(arguments[0]))
    let output = generator.scaled(factor)
    write(output, to: arguments[2])
    // Check the renumbering: every § and chapter in order, none missing.
    let document = RegulationParser.parse(output, sourceName: arguments[2]).document
    let seedSections = generator.parsed.document.sections.count
    let outOfOrder = document.diagnostics.filter { $0.code == DiagnosticCode.sectionOrder || $0.code == DiagnosticCode.chapterOrder }
    print(
        "\(arguments[2]): \(output.count) bytes, \(document.sections.count) §§ (seed \(seedSections) × \(factor) = \(seedSections * factor)), "
            + "\(document.chapters.count) chapters, \(outOfOrder.count) order warnings")
}

func flatten(_ arguments: [String]) {
    guard arguments.count == 2 else { usage() }
    let imported = LexDaniaImporter.read(read(arguments[0]), sourceName: arguments[0])
    let text = PlainTextFormatter().format(imported.document)
    write(Array(text.utf8), to: arguments[1])
    let reparsed = RegulationParser.parse(text: text).document
    print(
        "\(arguments[1]): \(text.utf8.count) bytes, \(imported.document.sections.count) §§ imported, "
            + "\(reparsed.sections.count) §§ after re-parsing the text")
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

/// One TSV row: name, bytes, wc MB/s, scalar MB/s, parse s, citations s, citations, diff s,
/// old+new parse s, xml import s, peak KB, base KB, full KB, diff s given both citation graphs.
func measure(_ arguments: [String]) {
    guard arguments.count >= 2 else { usage() }
    let name = arguments[0]
    let bytes = read(arguments[1])
    let seconds = option("--seconds", in: arguments).flatMap(Double.init) ?? 0.5
    let mb = Double(bytes.count) / 1e6

    let scalar = time(minSeconds: seconds, minRuns: 5) { countLines(bytes) }
    let parse = time(minSeconds: seconds) { RegulationParser.parse(bytes).document.sourceLength }
    let parsed = RegulationParser.parse(bytes, sourceName: name)
    var citationCount = 0
    let cite = time(minSeconds: seconds) {
        let graph = ReferenceGraph(parsed: parsed)
        citationCount = graph.citations.count
        return citationCount
    }
    var diffSeconds = Double.nan
    var pairParseSeconds = Double.nan
    var diffGraphsSeconds = Double.nan
    var oldByteCount = 0
    if let oldPath = option("--old", in: arguments), let newPath = option("--new", in: arguments) {
        let oldBytes = read(oldPath)
        oldByteCount = oldBytes.count
        let newBytes = read(newPath)
        pairParseSeconds =
            time(minSeconds: seconds) { RegulationParser.parse(oldBytes).document.sourceLength }.median
            + time(minSeconds: seconds) { RegulationParser.parse(newBytes).document.sourceLength }.median
        let old = RegulationParser.parse(oldBytes, sourceName: oldPath)
        let new = RegulationParser.parse(newBytes, sourceName: newPath)
        diffSeconds = time(minSeconds: seconds) { VersionDiff.compare(old, new).sections.count }.median
        let oldGraph = ReferenceGraph(parsed: old)
        let newGraph = ReferenceGraph(parsed: new)
        diffGraphsSeconds =
            time(minSeconds: seconds) {
                VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph).sections.count
            }.median
    }
    var xmlSeconds = Double.nan
    if let xmlPath = option("--xml", in: arguments) {
        let xml = read(xmlPath)
        xmlSeconds = time(minSeconds: seconds) { LexDaniaImporter.read(xml).document.sections.count }.median
    }
    let fields: [String] = [
        name, "\(bytes.count)", option("--wc-mbps", in: arguments) ?? "nan", String(mb / scalar.median),
        String(parse.median), String(cite.median), "\(citationCount)", String(diffSeconds), String(pairParseSeconds),
        String(xmlSeconds), option("--peak-kb", in: arguments) ?? "nan", option("--base-kb", in: arguments) ?? "nan",
        option("--full-kb", in: arguments) ?? "nan", String(diffGraphsSeconds), "\(oldByteCount)",
        option("--cite-kb", in: arguments) ?? "nan",
    ]
    print(fields.joined(separator: "\t"))
}

/// The work whose peak memory `/usr/bin/time -v` reports: `read` only loads the file (the baseline),
/// `parse` loads and parses it, `full` parses two versions, resolves both versions' citations and diffs
/// them with those graphs.
func once(_ arguments: [String]) {
    guard arguments.count >= 2 else { usage() }
    let bytes = read(arguments[1])
    switch arguments[0] {
    case "read":
        sink = countLines(bytes)
    case "parse":
        let parsed = RegulationParser.parse(bytes, sourceName: arguments[1])
        sink = parsed.document.sections.count
    case "full":
        guard arguments.count == 3 else { usage() }
        let old = RegulationParser.parse(bytes, sourceName: arguments[1])
        let new = RegulationParser.parse(read(arguments[2]), sourceName: arguments[2])
        // The pipeline as a user runs it: parse both, resolve both, diff with the graphs.
        let oldGraph = ReferenceGraph(parsed: old)
        let newGraph = ReferenceGraph(parsed: new)
        let diff = VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph)
        sink = oldGraph.citations.count + newGraph.citations.count + diff.sections.count
    case "diff", "diff-graphs":
        guard arguments.count == 3 else { usage() }
        let old = RegulationParser.parse(bytes, sourceName: arguments[1])
        let new = RegulationParser.parse(read(arguments[2]), sourceName: arguments[2])
        if arguments[0] == "diff" {
            sink = VersionDiff.compare(old, new).sections.count
        } else {
            let oldGraph = ReferenceGraph(parsed: old)
            let newGraph = ReferenceGraph(parsed: new)
            sink = VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph).sections.count
        }
    case "cite":
        // Parse once and build the reference graph once (for callgrind: the graph's share of the run).
        let parsed = RegulationParser.parse(bytes, sourceName: arguments[1])
        let graph = ReferenceGraph(parsed: parsed)
        sink = graph.citations.count
    default:
        usage()
    }
    print(sink)
}

/// The time ratio large ÷ small of parse (new version), citations (new version) and diff (graphs given),
/// measured interleaved: each round times the small input (repeated as often as the byte ratio, median)
/// and then the large one, so that the machine's own drift in speed (±40 % here from minute to minute)
/// hits both sides of a ratio alike. Prints one Markdown row: label, byte ratio, median ratios and their
/// range over the rounds.
func growth(_ arguments: [String]) {
    guard arguments.count >= 5 else { usage() }
    let rounds = option("--rounds", in: arguments).flatMap(Int.init) ?? 5
    struct Pair {
        let old: ParsedDocument, new: ParsedDocument, newBytes: [UInt8], oldGraph: ReferenceGraph, newGraph: ReferenceGraph
        init(_ oldPath: String, _ newPath: String) {
            newBytes = read(newPath)
            old = RegulationParser.parse(read(oldPath), sourceName: oldPath)
            new = RegulationParser.parse(newBytes, sourceName: newPath)
            oldGraph = ReferenceGraph(parsed: old)
            newGraph = ReferenceGraph(parsed: new)
        }
    }
    let small = Pair(arguments[1], arguments[2])
    let large = Pair(arguments[3], arguments[4])
    let byteRatio = Double(large.newBytes.count) / Double(small.newBytes.count)
    let repeats = max(1, Int(byteRatio.rounded()))
    let steps: [(Pair) -> Int] = [
        { RegulationParser.parse($0.newBytes).document.sourceLength },
        { ReferenceGraph(parsed: $0.new).citations.count },
        { VersionDiff.compare($0.old, $0.new, oldGraph: $0.oldGraph, newGraph: $0.newGraph).sections.count },
    ]
    var cells: [String] = []
    for step in steps {
        var ratios: [Double] = []
        for _ in 0..<rounds {
            let s = time(minSeconds: 0, minRuns: repeats, maxRuns: repeats) { step(small) }.median
            let l = time(minSeconds: 0, minRuns: 1, maxRuns: 1) { step(large) }.median
            ratios.append(l / s)
        }
        ratios.sort()
        cells.append(
            String(format: "%.1f (%.1f–%.1f)", ratios[ratios.count / 2], ratios[0], ratios[ratios.count - 1]))
    }
    print("| \(arguments[0]) | \(String(format: "%.2f", byteRatio)) | \(cells.joined(separator: " | ")) |")
}

/// Parses FILE again and again for SECONDS (for `perf record`, which samples wall time), or exactly
/// RUNS times after one warm-up parse (for `valgrind --tool=callgrind`: instructions per warm parse are
/// (total − total with RUNS = 0) ÷ RUNS).
func loop(_ arguments: [String]) {
    guard arguments.count == 2, let seconds = Double(arguments[1]) else { usage() }
    let bytes = read(arguments[0])
    if seconds > 0 {
        let result = time(minSeconds: seconds, maxRuns: 1_000_000) { RegulationParser.parse(bytes).document.sourceLength }
        print("parse median \(result.median * 1000) ms, \(Double(bytes.count) / 1e6 / result.median) MB/s")
        return
    }
    sink = RegulationParser.parse(bytes).document.sourceLength
    for _ in 0..<Int(-seconds) { sink &+= RegulationParser.parse(bytes).document.sourceLength }
    print(sink)
}

/// Diffs OLD and NEW (graphs given, built once) again and again for SECONDS, for `perf record`: the
/// profile then holds the diff alone, not the parses around it.
func loopDiff(_ arguments: [String]) {
    guard arguments.count == 3, let seconds = Double(arguments[2]) else { usage() }
    let old = RegulationParser.parse(read(arguments[0]), sourceName: arguments[0])
    let new = RegulationParser.parse(read(arguments[1]), sourceName: arguments[1])
    let oldGraph = ReferenceGraph(parsed: old)
    let newGraph = ReferenceGraph(parsed: new)
    let result = time(minSeconds: seconds, maxRuns: 1_000_000) {
        VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph).sections.count
    }
    print("diff median \(result.median * 1000) ms")
}

func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard !arguments.isEmpty else { usage() }
    let command = arguments.removeFirst()
    switch command {
    case "generate": generate(arguments)
    case "flatten": flatten(arguments)
    case "measure": measure(arguments)
    case "once": once(arguments)
    case "growth": growth(arguments)
    case "table": BenchTable.printTable(readLines())
    case "loop": loop(arguments)
    case "loop-diff": loopDiff(arguments)
    default: usage()
    }
}

func readLines() -> [String] {
    var lines: [String] = []
    while let line = readLine() { lines.append(line) }
    return lines
}

main()
