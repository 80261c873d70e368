import Hummingbird
import Logging
import NIOCore
import ParagrafStore
import ServiceLifecycle

/// `paragraf serve`: the site and the API of a ``ParagrafSite`` over HTTP/1.1 (Hummingbird 2 on SwiftNIO),
/// read-only, bound to 127.0.0.1 unless told otherwise.
///
/// ```swift
/// let server = ParagrafServer(site: ParagrafSite(store: store), host: "127.0.0.1", port: 8080)
/// try await server.run { port in print("http://127.0.0.1:\(port)/") }
/// ```
public struct ParagrafServer: Sendable {
    /// The site answered.
    public let site: ParagrafSite
    /// The address bound.
    public let host: String
    /// The port (0: one the system picks, reported to `onRunning`).
    public let port: Int

    /// A server for `site` on `host`:`port`.
    public init(site: ParagrafSite, host: String = "127.0.0.1", port: Int = 8080) {
        self.site = site
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled or the process gets SIGINT or SIGTERM; `onRunning` gets the port bound.
    /// Either way the shutdown is graceful: the requests being answered are finished first.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "paragraf.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: SiteResponder(site: site),
            configuration: .init(address: .hostname(host, port: port), serverName: "paragraf"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await withTaskCancellationHandler {
            try await group.run()
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
