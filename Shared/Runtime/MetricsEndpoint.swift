import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Serves Prometheus `/metrics`, `GET /healthz` (the process answers) and `GET /readyz`
/// (every readiness check passes: 200, else 503 with what is wrong) for one service,
/// over Hummingbird.
///
/// Bootstrapping the metrics system happens once, in the executable; the endpoint only
/// renders the registry it was given, after `beforeScrape` brought gauges up to date.
public struct MetricsEndpoint: Service {
    private let registry: PrometheusCollectorRegistry
    private let address: HostAndPort
    private let readiness: Readiness
    private let beforeScrape: @Sendable () -> Void
    private let logger: Logger

    /// Refuses an address beyond loopback unless `insecure`, as every other listener does.
    public init(
        registry: PrometheusCollectorRegistry, address: HostAndPort, insecure: Bool,
        readiness: @escaping Readiness = { [] }, beforeScrape: @escaping @Sendable () -> Void = {}, logger: Logger
    ) throws {
        try InsecureBindGuard.check(listener: address, insecure: insecure)
        self.registry = registry
        self.address = address
        self.readiness = readiness
        self.beforeScrape = beforeScrape
        self.logger = logger
    }

    /// Creates the registry and bootstraps swift-metrics with it. Call once per process.
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    public func run() async throws {
        let router = Router()
        let registry = self.registry
        let beforeScrape = self.beforeScrape
        HealthRoutes.register(on: router, readiness: readiness)
        router.get("metrics") { _, _ -> Response in
            beforeScrape()
            var buffer = [UInt8]()
            buffer.reserveCapacity(4096)
            registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "plafond"),
            logger: logger)
        try await app.run()
    }
}
