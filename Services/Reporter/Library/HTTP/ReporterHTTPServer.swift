import Hummingbird
import Logging
import NIOCore
import Runtime
import ServiceLifecycle

/// The dashboard, the JSON API and `/metrics`, over Hummingbird.
public struct ReporterHTTPServer: Service {
    let database: ReporterDatabase
    let address: HostAndPort
    let token: String?
    let metrics: MetricsRenderer?
    let regions: [String: [String]]
    let limits: ConnectionLimits
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

    public init(
        database: ReporterDatabase, address: HostAndPort, token: String?, metrics: MetricsRenderer?,
        regions: [String: [String]] = [:], limits: ConnectionLimits = .standard, logger: Logger
    ) throws {
        if !address.isLoopback && (token ?? "").isEmpty {
            throw RuntimeError(
                .insecureAddress, "reporter bound to \(address) needs [reporter] token: it serves figures about clients"
            )
        }
        self.database = database
        self.address = address
        self.token = token
        self.metrics = metrics
        self.regions = regions
        self.limits = limits
        self.logger = logger
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        if let token, !token.isEmpty {
            router.add(middleware: TokenMiddleware(token: token))
        }
        APIRoutes(database: database).register(on: router)
        DashboardRoutes(database: database).register(on: router)
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
            router: router(),
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
