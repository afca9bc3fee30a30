import Logging
import Messaging
import ServiceLifecycle

/// Runs a service's parts as one `ServiceGroup` that stops gracefully on SIGTERM/SIGINT.
///
/// The order of `services` is the start order; shutdown runs in reverse, so list the
/// store-owning parts first and the sockets that feed them after.
public enum ServiceMain {
    ///
    /// The ZAP handler, when CURVE is on, goes first: bound before any socket opens, it
    /// stops after the last one it judges has closed.
    public static func run(_ services: [any Service], zap: ZAPHandler? = nil, logger: Logger) async throws {
        let all: [any Service] = (zap.map { [$0] } ?? []) + services
        let group = ServiceGroup(
            configuration: .init(
                services: all.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}
