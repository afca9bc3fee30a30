import Hummingbird
import Logging
import Runtime
import ServiceLifecycle

/// The dashboard (behind a login), the JSON API (bearer token beyond loopback),
/// `/metrics` and `/gezond` (neither), over Hummingbird.
public struct ReporterHTTPServer: Service {
    let database: ReporterDatabase
    let address: HostAndPort
    let token: String?
    let metrics: MetricsRenderer?
    let regions: [String: [String]]
    let access: DashboardAccess
    let logger: Logger

    /// Renders the Prometheus text for `/metrics`.
    public typealias MetricsRenderer = @Sendable () -> [UInt8]

    public init(
        database: ReporterDatabase, address: HostAndPort, token: String?, metrics: MetricsRenderer?,
        regions: [String: [String]] = [:], access: DashboardAccess, logger: Logger
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
        self.access = access
        self.logger = logger
    }

    func router() -> Router<ReporterRequestContext> {
        let router = Router(context: ReporterRequestContext.self)
        if let token, !token.isEmpty {
            router.add(middleware: TokenMiddleware(token: token))
        }
        router.add(middleware: access.middleware(logger: logger))
        access.register(on: router, logger: logger)
        router.get("/gezond") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        APIRoutes(database: database).register(on: router)
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
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "plafond-reporter"),
            logger: logger)
        try await app.run()
    }
}
