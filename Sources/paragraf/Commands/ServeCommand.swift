import ArgumentParser
import Foundation
import ParagrafServer
import ParagrafStore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the corpus database as a read-only web site and JSON API.",
        discussion: """
            Pages (English interface, Danish texts), each at a stable address: the home page with a search box, \
            works and recent versions; a work's versions on a timeline (/works/WORK); a version's contents and \
            legal basis (/works/WORK/VERSION); a provision at a version (/works/WORK/VERSION/p17/stk3) or at a \
            date (/works/WORK/at/2010-01-01/p17/stk3) with its citations linked, what cites it and its history; \
            the change report between two versions (/works/WORK/compare/OLD/NEW); search (/search?q=…). The same \
            data is served as JSON under /api with the schemas of `--format json`, described at \
            /api/openapi.json. Only GET and HEAD are answered. The server binds to 127.0.0.1 unless --host says \
            otherwise; stop it with Ctrl-C.

            Examples:
              paragraf serve
              paragraf serve --db law.sqlite --port 8081
              paragraf serve --host 0.0.0.0 --port 8080
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The address to bind (127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Option(help: "The TCP port (0: any free port, printed on start).") var port = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let server = ParagrafServer(site: ParagrafSite(store: store), host: host, port: port)
            let host = self.host
            let outcome = BlockingOutcome()
            Task.detached {
                do {
                    try await server.run { port in
                        Output.error("paragraf: serving \(store.path) at http://\(host):\(port)/ (Ctrl-C stops)")
                    }
                    outcome.finish(nil)
                } catch {
                    outcome.finish("\(error)")
                }
            }
            if let failure = outcome.wait() {
                throw CLIError("cannot serve on \(host):\(port): \(failure)")
            }
        }
    }
}

/// The end of an async task awaited by a synchronous command: nil, or why it failed.
final class BlockingOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: String?

    func finish(_ failure: String?) {
        lock.lock()
        self.failure = failure
        lock.unlock()
        done.signal()
    }

    func wait() -> String? {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
