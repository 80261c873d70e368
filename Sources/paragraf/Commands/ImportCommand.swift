import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many times Ctrl-C was pressed during an import.
private let interrupts = Atomic<Int>(0)

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import documents into a corpus database: texts, LexDania XML, HTML, dataset JSON and JSON lines.",
        discussion: """
            Reads files and folders (recursively: .txt, .xml, .html, .json, .jsonl), a corpus folder through its \
            manifests, or standard input (-): JSON lines, one dataset document per line, or one document in any \
            format. Each document is parsed, its citations extracted and resolved, its provisions indexed; then \
            works and versions are found from the texts (repeal statements, consolidations of one act, amending \
            acts) and citations across documents are resolved.

            A document already there with the same content is skipped, so importing the same input twice changes \
            nothing. A document that cannot be read is recorded with its reason (see --failures) and the import \
            goes on; the exit status is then 1. Ctrl-C stops after the current document: what is imported stays, \
            and is linked (a second Ctrl-C skips the linking, which the next import completes). Exit status 130 \
            after an interruption.

            Examples:
              zstd -dc documents-dev.jsonl.zst | paragraf import - --db law.sqlite
              paragraf import corpus/ fixtures/store/dev-extract.jsonl --db law.sqlite
              paragraf import regulation.txt --db law.sqlite --quiet
              paragraf import --failures --db law.sqlite
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Files or folders to import, or - for standard input.") var paths: [String] = []
    @Flag(help: "No progress display.") var quiet = false
    @Flag(help: "List the inputs that failed in earlier imports, with their reasons, and exit.") var failures = false
    @Flag(help: "Link works, versions and citations again over the whole database (after an upgrade).") var relink = false
    @Option(help: "Documents per transaction.") var batchSize = 250
    @Option(help: "The largest document accepted, in bytes.") var maxDocumentBytes = 64 << 20
    @Option(help: "Output format of the summary: text or json.") var format: OutputFormat = .text

    func validate() throws {
        guard storeOptions.namedDatabase != nil else {
            throw ValidationError("name the database to import into: --db FILE (or set PARAGRAF_DB)")
        }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        guard maxDocumentBytes > 0 else { throw ValidationError("--max-document-bytes must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let path = storeOptions.namedDatabase!
            let store = try storeQuery { try ParagrafStore.open(at: path, mode: .readWrite) }
            if failures {
                try listFailures(store)
                return
            }
            if relink, paths.isEmpty {
                let link = try storeQuery { try store.relink() }
                var summary = ImportSummary()
                summary.link = link
                try report(summary, store: store)
                return
            }
            var options = CorpusImporter.Options()
            options.batchSize = batchSize
            options.maximumDocumentBytes = maxDocumentBytes
            options.isCancelled = { interrupts.load(ordering: .relaxed) >= 1 }
            options.isLinkCancelled = { interrupts.load(ordering: .relaxed) >= 2 }
            let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
            options.progress = { bar.show($0) }
            signal(SIGINT) { _ in
                let count = interrupts.add(1, ordering: .relaxed).newValue
                if count >= 2 { signal(SIGINT, SIG_DFL) }
            }
            // A parent may have started us with SIGINT blocked (the mask is inherited): let Ctrl-C through.
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            let summary = try storeQuery { try store.importer(options: options).run(paths.map(ImportInput.init(argument:))) }
            bar.finish()
            signal(SIGINT, SIG_DFL)
            try report(summary, store: store)
            if summary.interrupted || interrupts.load(ordering: .relaxed) > 0 { throw ExitCode(130) }
            if summary.failed > 0 { throw ExitCode(1) }
        }
    }

    private func report(_ summary: ImportSummary, store: ParagrafStore) throws {
        if format == .json {
            print(try Output.json(summary))
            return
        }
        for failure in summary.failures.prefix(20) { Output.error("\(failure.source): failed: \(failure.reason)") }
        if summary.failed > 20 {
            Output.error("… and \(summary.failed - 20) more failed inputs: paragraf import --failures --db \(store.path)")
        }
        var line =
            "\(summary.read) read: \(summary.added) added, \(summary.replaced) replaced, \(summary.unchanged) unchanged, \(summary.failed) failed"
        line += String(format: " (%.1f MB in %.1f s)", Double(summary.bytes) / 1e6, summary.seconds)
        print(line)
        if let link = summary.link {
            print(
                "linked: \(link.works) works, \(link.versions) versions (\(link.versionsWithoutText) known without text), \(link.amendments) amendments; citations across documents: \(link.linked) found, \(link.missing) missing in the version that applied, \(link.external) outside the corpus"
                    + String(format: " (%.1f s)", link.seconds))
        } else if summary.interrupted || interrupts.load(ordering: .relaxed) >= 2 {
            print("interrupted before linking: run `paragraf import --db \(store.path)` to finish the links")
        }
        if summary.interrupted { print("interrupted: the documents before the interruption are in the database") }
    }

    private func listFailures(_ store: ParagrafStore) throws {
        let rows = try storeQuery { try store.failures() }
        if format == .json {
            struct Envelope: Encodable {
                var schemaVersion = 1
                var failures: [RecordedFailure]
            }
            print(try Output.json(Envelope(failures: rows)))
        } else {
            for row in rows { print("\(row.source): \(row.reason)") }
            print("\(rows.count) failed \(rows.count == 1 ? "input" : "inputs")")
        }
        if !rows.isEmpty { throw ExitCode(1) }
    }
}
