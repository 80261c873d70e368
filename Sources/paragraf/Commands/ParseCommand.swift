import ArgumentParser
import Foundation
import Paragraf

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse any regulation text and print its tree, its JSON or a one-line summary.",
        discussion: """
            Reads a file (or - for standard input) in UTF-8 with or without BOM, CRLF, or Windows-1252 / \
            ISO-8859-1. Diagnostics go to standard error as file:line:col: severity[CODE]: message. The JSON \
            output is documented in the README (schemaVersion 1).

            Given several files or a directory, parses each file (a directory's files in name order, not its \
            subdirectories) as a document of its own in one process, --jobs at a time (default: one per \
            processor), and prints one summary line (or outline) per document, in that order; a file that \
            cannot be read is reported and the others are parsed (exit 1 at the end).

            Examples:
              paragraf parse corpus/tandpleje/2020-bek-tandpleje.txt --format summary
              cat regulation.txt | paragraf parse - --format json > tree.json
              paragraf parse texts/ --format summary --quiet > summaries.txt
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, summary
    }

    @Argument(help: "The file to parse, or - for standard input; several files or directories: each file on its own.")
    var files: [String] = []
    @Option(help: "Output format: text (outline), json (full tree) or summary (one line of counts).") var format: Format = .text
    @Flag(help: "Do not print diagnostics on standard error.") var quiet = false
    @Option(help: "With several documents: how many to parse at a time (default: one per processor).") var jobs: Int?

    struct Envelope: Encodable {
        var schemaVersion = Document.schemaVersion
        var document: Document
    }

    /// Writes the tree as JSON, one child of the root at a time: the JSON of a whole tree runs to ten times
    /// the text, and encoding it at once held several copies of it (220 MB for a 4.6 MB text).
    static func writeJSON(_ parsed: ParsedDocument) throws {
        let document = parsed.document
        let encoder = PrettyJSONEncoder(userInfo: [.sourceLocations: parsed.source.locations])
        let sink = try ReportSink(path: nil)
        // The root's children stand in the skeleton as one placeholder child, found and replaced below.
        let placeholder = Node(kind: .unplaced, id: "\u{1}children", range: SourceRange(0..<0))
        var skeleton = document
        skeleton.root.children = [placeholder]
        let text = Array(try encoder.encode(Envelope(document: skeleton))) + [0x0A]
        if !document.root.children.isEmpty, let (range, indent) = JSONPieces.locate(try encoder.encode(placeholder), in: text) {
            try sink.write(Array(text[..<range.lowerBound]))
            try JSONPieces.writeEntries(document.root.children, indent: indent, encoder: encoder, to: sink.write)
            try sink.write(Array(text[range.upperBound...]))
        } else {
            try sink.write(Array(try encoder.encode(Envelope(document: document))) + [0x0A])
        }
        try sink.finish()
    }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a file to parse (or - for standard input), or a directory") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if files.count > 1 || Self.isDirectory(files[0]) {
            guard format != .json else {
                throw ValidationError("several documents print --format summary or text; parse one file at a time for JSON")
            }
            guard !files.contains("-") else { throw ValidationError("standard input (-) is one document; give it alone") }
        }
    }

    func run() throws {
        if files.count == 1 && !Self.isDirectory(files[0]) {
            try reportingErrors { try parseOne(files[0]) }
            return
        }
        var paths: [String] = []
        try reportingErrors { paths = try Self.documents(in: files) }
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, 64)
        let format = format
        let quiet = quiet
        var failed = false
        // Documents are parsed `workers` at a time, a window at a time, and printed in order as each window ends.
        let window = max(1, workers * 16)
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(paths.count, start + window)])
            let outcomes = BatchOutcomes(count: batch.count)
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                    outcomes.set(i, Self.outcome(of: batch[i], format: format, quiet: quiet))
                }
            } else {
                for (i, path) in batch.enumerated() { outcomes.set(i, Self.outcome(of: path, format: format, quiet: quiet)) }
            }
            for outcome in outcomes.all {
                print(outcome.output, terminator: "")
                if !outcome.errors.isEmpty { Output.error(outcome.errors) }
                failed = failed || outcome.failed
            }
            start += batch.count
        }
        if failed { throw ExitCode(1) }
    }

    /// What one document of a batch prints: its summary (or outline), its diagnostics or the error reading it.
    struct Outcome: Sendable {
        var output = ""
        var errors = ""
        var failed = false
    }

    static func outcome(of path: String, format: Format, quiet: Bool) -> Outcome {
        do {
            let bytes = try Output.readInput(path)
            let parsed = InputReader.parse(bytes, sourceName: path)
            var outcome = Outcome()
            outcome.output =
                format == .text ? OutlineFormatter().format(parsed) : SummaryFormatter().format(parsed.document) + "\n"
            if !quiet {
                outcome.errors = parsed.document.diagnostics.map { $0.rendered(file: path, source: parsed.source) + "\n" }.joined()
            }
            return outcome
        } catch let error as CLIError {
            return Outcome(errors: "paragraf: error: \(error.message)\n", failed: true)
        } catch {
            return Outcome(errors: "paragraf: error: \(path): \(error)\n", failed: true)
        }
    }

    /// Parses one file and prints it in the chosen format, its diagnostics on standard error.
    func parseOne(_ file: String) throws {
        let bytes = try Output.readInput(file)
        let parsed = InputReader.parse(bytes, sourceName: file)
        switch format {
        case .json: try Self.writeJSON(parsed)
        case .summary: print(SummaryFormatter().format(parsed.document))
        case .text: print(OutlineFormatter().format(parsed), terminator: "")
        }
        if !quiet {
            for diagnostic in parsed.document.diagnostics {
                Output.error(diagnostic.rendered(file: file, source: parsed.source))
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files to parse: each path as given, a directory's regular files (not hidden ones, not its
    /// subdirectories) in name order.
    static func documents(in paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            guard isDirectory(path) else {
                result.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw CLIError("cannot read the directory \(path)")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            result += names.filter { !$0.hasPrefix(".") }.sorted().map { base + $0 }.filter { !isDirectory($0) }
        }
        return result
    }
}
