import Hummingbird
import Logging
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
    let access: DashboardAccess
    let logger: Logger

    /// Renders the Prometheus text for `/metrics`.
    public typealias MetricsRenderer = @Sendable () -> [UInt8]

    /// `token` is the single token of `[reporter] token` (a client called "token" with
    /// the role `lezer`); `clients` are the per-client tokens.
    public init(
        database: ReporterDatabase, address: HostAndPort, token: String?, clients: [APIClientToken] = [],
        metrics: MetricsRenderer?, regions: [String: [String]] = [:], access: DashboardAccess, logger: Logger
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
        self.access = access
        self.logger = logger
    }

    func router() -> Router<ReporterRequestContext> {
        let router = Router(context: ReporterRequestContext.self)
        if !clients.isEmpty {
            router.add(middleware: TokenMiddleware(clients: clients, logger: logger))
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
