import Foundation
import Hummingbird
import Logging
import NIOCore

/// Runs a Hummingbird router on 127.0.0.1 with an ephemeral port for the duration of `body`, which
/// gets the server's base URL. Generated round-trip tests use it; the server stops when `body` returns.
///
/// For example: `try await LoopbackServer.run(router) { url in … }` with `url` like `http://127.0.0.1:54321`.
public enum LoopbackServer {
    /// Serves `router` on `127.0.0.1` at a free port, calls `body` with the server's base URL, then stops the server.
    public static func run<Context: RequestContext>(_ router: Router<Context>, _ body: @Sendable (URL) async throws -> Void) async throws
    where Context.Source == ApplicationRequestContextSource {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // Stopping the server at the end of a test cancels it; that is not worth an error log.
        var logger = Logger(label: "docs2swift.loopback")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var port = 0
            for await p in ports { port = p; break }
            do {
                try await body(URL(string: "http://127.0.0.1:\(port)")!)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
