import Logging
import ServiceLifecycle

/// Runs a service's parts as one `ServiceGroup` that stops gracefully on SIGTERM/SIGINT.
///
/// The order of `services` is the start order; shutdown runs in reverse, so list the
/// store-owning parts first and the sockets that feed them after.
public enum ServiceMain {
    public static func run(_ services: [any Service], logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}
