import Hummingbird
import Logging
import Runtime
import ServiceLifecycle

/// The dashboard, the JSON API and `/metrics`, over Hummingbird.
public struct ReporterHTTPServer: Service {
    let database: ReporterDatabase
    let address: HostAndPort
    let token: String?
    let metrics: MetricsRenderer?
    let regions: [String: [String]]
    let logger: Logger

    /// Renders the Prometheus text for `/metrics`.
    public typealias MetricsRenderer = @Sendable () -> [UInt8]

    public init(
        database: ReporterDatabase, address: HostAndPort, token: String?, metrics: MetricsRenderer?,
        regions: [String: [String]] = [:], logger: Logger
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
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "plafond-reporter"),
            logger: logger)
        try await app.run()
    }
}
