import ArgumentParser
import ParagrafCommandLine
import ParagrafServer

/// `serve`: the corpus database as a read-only web site and JSON API until interrupted.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeArguments.command

    @OptionGroup var arguments: ServeArguments

    func run() throws {
        let store = try arguments.storeOptions.openReportingErrors()
        let (host, port) = (arguments.host, arguments.port)
        let server = ParagrafServer(site: ParagrafSite(store: store), host: host, port: port)
        let failure = BlockingOutcome.wait {
            try await server.run { port in
                StandardError.write("paragraf: serving \(store.path) at http://\(host):\(port)/ (Ctrl-C stops)")
            }
        }
        if let failure { throw StandardError.failure("cannot serve on \(host):\(port): \(failure)") }
    }
}
