import ArgumentParser

/// What `serve` reads from its command line, and its help: parsed and checked by `paragraf serve`, then again by
/// `paragraf-server serve`, which `paragraf` starts in its place with the same arguments.
public struct ServeArguments: ParsableArguments {
    /// The `serve` command: name, abstract, discussion with examples.
    public static let command = CommandConfiguration(
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

    /// The database served.
    @OptionGroup public var storeOptions: StoreOptions
    /// The address to bind.
    @Option(help: "The address to bind (127.0.0.1: this machine only).") public var host = "127.0.0.1"
    /// The TCP port, 0 for any free port.
    @Option(help: "The TCP port (0: any free port, printed on start).") public var port = 8080

    public init() {}

    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
    }
}
