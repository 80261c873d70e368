import Foundation
import Paragraf

/// The half of the scorer that parses: reads the documents from `start` on, and for each prints a begin line,
/// its scores per layout and (with `failures`) its wrong §§, then an end line. The supervisor reads these lines;
/// when this process crashes or hangs it knows on which document, and starts a new worker after it.
struct Worker {
    var input: String
    var start: Int
    var limit: Int?
    var failures: Bool
    var split: SplitFilter
    var layouts: [Layout]
    var onlyIDs: Set<String>?

    func run() throws {
        let reader = try LineReader(path: input)
        let decoder = JSONDecoder()
        var index = -1
        var out = OutputBuffer()
        while let line = reader.next() {
            index += 1
            if let limit, index >= limit { break }
            guard index >= start else { continue }
            guard !line.isEmpty else { continue }
            guard let document = try? decoder.decode(DatasetDocument.self, from: Data(line)) else {
                out.write("X\t\(index)\tundecodable line\n")
                continue
            }
            guard split.includes(document), onlyIDs.map({ $0.contains(document.id) }) ?? true else { continue }
            out.write("B\t\(index)\t\(document.id)\t\(document.group.rawValue)\t\(document.isHeldOut ? 1 : 0)\n")
            out.flush()
            simulateFault(on: document.id)
            score(document, index: index, out: &out)
            out.write("E\t\(index)\n")
            out.flush()
        }
        out.flush()
    }

    /// PARAGRAF_SCORE_FAULT=crash:ID or hang:ID makes the worker trap or stall on that document, to check
    /// that the supervisor records it and carries on.
    func simulateFault(on id: String) {
        guard let fault = ProcessInfo.processInfo.environment["PARAGRAF_SCORE_FAULT"] else { return }
        if fault == "crash:" + id { fatalError("simulated crash on \(id)") }
        if fault == "hang:" + id { while true { sleep(1) } }
    }

    func score(_ document: DatasetDocument, index: Int, out: inout OutputBuffer) {
        let truth = Truth.sections(of: document)
        for layout in layouts {
            let text = LaidOutText(document: document, layout: layout)
            let t0 = monotonicSeconds()
            let parsed = RegulationParser.parse(text.bytes, sourceName: document.id)
            let seconds = monotonicSeconds() - t0
            let sections = ParsedSections.collect(parsed.document)
            var (s, pairs, missed, extra) = LayoutScore.score(truth: truth, parsed: sections, document: parsed.document)
            s.bytes = text.bytes.count
            s.seconds = seconds
            let fields = [
                s.truth, s.parsed, s.matched, s.exact ? 1 : 0, s.chapterChecked, s.chapterRight, s.stkChecked,
                s.stkRight, s.warnings, s.bytes,
            ].map(String.init).joined(separator: "\t")
            out.write("R\t\(index)\t\(layout.rawValue)\t\(fields)\t\(seconds)\n")
            if failures {
                for record in FailureCollector.records(
                    document: document, layout: layout, text: text, truth: truth, parsed: sections, pairs: pairs,
                    missed: missed, extra: extra)
                {
                    let fields = [
                        String(index), String(layout.rawValue),
                        String(FailureClass.allCases.firstIndex(of: record.failureClass)!), record.what,
                        String(record.lineNumber), record.line, record.previousLine,
                    ].map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                    out.write("F\t" + fields.joined(separator: "\t") + "\n")
                }
            }
        }
    }
}

/// Which documents a run reads.
enum SplitFilter: String {
    case tuned
    case heldOut = "held-out"
    case all

    func includes(_ document: DatasetDocument) -> Bool {
        switch self {
        case .all: return true
        case .tuned: return !document.isHeldOut
        case .heldOut: return document.isHeldOut
        }
    }
}

/// Standard output, written in large pieces.
struct OutputBuffer {
    var bytes: [UInt8] = []

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
