import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import Runtime
import ServiceLifecycle

/// The dashboard (behind a login), the JSON API (bearer token beyond loopback),
/// `/metrics` and `/gezond` (neither), over Hummingbird.
public struct ReporterHTTPServer: Service {
    let database: ReporterDatabase
    let address: HostAndPort
    let clients: [APIClientToken]
    let metrics: MetricsRenderer?
    let regions: [String: [String]]
    let limits: ConnectionLimits
    let access: DashboardAccess
    let readiness: Readiness
    let logger: Logger

    /// What one client may hold of the server (`[reporter]` header_timeout, idle_timeout,
    /// max_connections).
    public struct ConnectionLimits: Sendable {
        public var headerTimeout: Duration
        public var idleTimeout: Duration
        public var maxConnections: Int

        public init(headerTimeout: Duration, idleTimeout: Duration, maxConnections: Int) {
            self.headerTimeout = headerTimeout
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
        }

        public init(_ configuration: ReporterConfiguration) {
            self.init(
                headerTimeout: .milliseconds(Int64(configuration.headerTimeout.seconds * 1000)),
                idleTimeout: .milliseconds(Int64(configuration.idleTimeout.seconds * 1000)),
                maxConnections: configuration.maxConnections)
        }

        public static let standard = ConnectionLimits(ReporterConfiguration())
    }

    /// Renders the Prometheus text for `/metrics`.
    public typealias MetricsRenderer = @Sendable () -> [UInt8]

    /// `token` is the single token of `[reporter] token` (a client called "token" with
    /// the role `lezer`); `clients` are the per-client tokens.
    public init(
        database: ReporterDatabase, address: HostAndPort, token: String?, clients: [APIClientToken] = [],
        metrics: MetricsRenderer?, regions: [String: [String]] = [:], limits: ConnectionLimits = .standard,
        access: DashboardAccess, readiness: @escaping Readiness = { [] }, logger: Logger
    ) throws {
        let single = token.flatMap { $0.isEmpty ? nil : APIClientToken(name: "token", token: $0, role: .lezer) }
        let all = clients + (single.map { [$0] } ?? [])
        if !address.isLoopback && all.isEmpty {
            throw RuntimeError(
                .insecureAddress,
                "reporter bound to \(address) needs [reporter] token or clients: it serves figures about clients"
            )
        }
        self.database = database
        self.address = address
        self.clients = all
        self.metrics = metrics
        self.regions = regions
        self.limits = limits
        self.access = access
        self.readiness = readiness
        self.logger = logger
    }

    func router() throws -> Router<ReporterRequestContext> {
        let router = Router(context: ReporterRequestContext.self)
        // Latency and count per route (`http_server_request_duration_seconds`, `hb_requests`).
        router.add(middleware: MetricsMiddleware())
        // Inside the metrics, so they count the error answers it makes.
        router.add(middleware: APIErrorMiddleware(logger: logger))
        router.add(middleware: PageNotFoundMiddleware())
        if !clients.isEmpty {
            router.add(middleware: TokenMiddleware(clients: clients, logger: logger))
        }
        router.add(middleware: access.middleware(logger: logger))
        access.register(on: router, logger: logger)
        HealthRoutes.register(on: router, readiness: readiness)
        router.get("/gezond") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        // `/api/…`, generated from Services/Reporter/openapi.yaml.
        try ReporterAPI(database: database, regions: regions).registerHandlers(
            on: router, middlewares: [KnownQueryParameters(), PlainResponseHeaders()])
        DashboardRoutes(database: database, regions: regions).register(on: router)
        ReportRoutes(database: database, regions: regions).register(on: router)
        if let metrics {
            router.get("/metrics") { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: metrics())))
            }
        }
        return router
    }

    public func run() async throws {
        let headerTimeout = TimeAmount(limits.headerTimeout)
        let app = Application(
            router: try router(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [HeaderReadTimeoutHandler(timeout: headerTimeout)],
                    idleTimeout: TimeAmount(limits.idleTimeout))),
            configuration: .init(
                address: .hostname(address.host, port: address.port), serverName: "plafond-reporter",
                availableConnectionsDelegate: .maximum(limits.maxConnections, logger: logger)),
            logger: logger)
        try await app.run()
    }
}
