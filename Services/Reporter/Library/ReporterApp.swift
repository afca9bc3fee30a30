import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Prometheus
import Runtime
import ServiceLifecycle

/// Wires reporter's parts: the read model, its three consumers, the accounts (their own
/// file, kept by `--rebuild`), the admin socket for `plafond user`, and the HTTP server.
public struct ReporterApp {
    public static let abstract = "Builds the read model from the event logs and serves the dashboard, API and reports."

    let configuration: PlafondConfiguration
    let insecure: Bool
    let rebuild: Bool
    let logger: Logger

    public init(configuration: PlafondConfiguration, insecure: Bool, rebuild: Bool, logger: Logger) {
        self.configuration = configuration
        self.insecure = insecure
        self.rebuild = rebuild
        self.logger = logger
    }

    public func run(metrics registry: PrometheusCollectorRegistry) async throws {
        try ProductionReadiness.check(configuration, service: "reporter")
        var database = try ReporterDatabase.open(
            path: configuration.storePath("reporter"), rebuild: rebuild, logger: logger)
        database.forecastSettings = RunRateForecast.Settings(
            lookback: configuration.monitor.forecastMonths, lagDays: configuration.monitor.forecastLagDays,
            minimumMonths: configuration.monitor.forecastMinMonths)
        database.arrivals = CareArrivals(gapMonths: configuration.monitor.instroomGapMonths)
        database.durationSignalMonths = configuration.reporter.durationSignalMonths
        database.escalateAfter = configuration.notifier.escalateAfter.seconds
        if rebuild { logger.notice("read model dropped, rebuilding from the event logs") }
        do {
            try database.warmNormDefinitions()
        } catch {
            // Not fatal: the requests that need them will say what is wrong.
            logger.error("the norm definitions could not be read", metadata: ["error": "\(error)"])
        }
        let core = ReporterCore(database: database, logger: logger)
        let security = try ServiceSecurity.load(configuration, service: "reporter")
        let context = ZMQContext()
        defer { context.terminate() }
        let zap = try security.startZAP(context: context, logger: logger)
        defer { zap?.stop() }
        let intake = EventLogSubscriber(
            context: context, producer: "intake", publishEndpoint: configuration.intake.eventsPublish,
            catchUpEndpoint: configuration.intake.eventsCatchUp, sink: core.intakeSink(),
            security: try security.client(ofService: "intake"), logger: logger)
        let monitor = EventLogSubscriber(
            context: context, producer: "monitor", publishEndpoint: configuration.monitor.eventsPublish,
            catchUpEndpoint: configuration.monitor.eventsCatchUp, sink: core.monitorSink(),
            security: try security.client(ofService: "monitor"), logger: logger)
        let notifier = EventLogSubscriber(
            context: context, producer: "notifier", publishEndpoint: configuration.notifier.eventsPublish,
            catchUpEndpoint: configuration.notifier.eventsCatchUp, sink: core.notifierSink(),
            security: try security.client(ofService: "notifier"), logger: logger)
        let access = DashboardAccess(
            accounts: try AccountStore.open(path: configuration.storePath("reporter-accounts")),
            settings: AccessSettings(
                secureCookies: configuration.reporter.secureCookies, trustedProxy: configuration.reporter.trustedProxy,
                trustedUserHeader: configuration.reporter.trustedUserHeader),
            services: OwningServices(
                monitorAdmin: configuration.monitor.admin, notifierAdmin: configuration.notifier.admin,
                monitorSecurity: try security.client(ofService: "monitor"),
                notifierSecurity: try security.client(ofService: "notifier")))
        let admin = try AdminSocketServer(
            context: context, endpoint: configuration.reporter.admin, security: security.server(ZAPDomain.admin),
            insecure: insecure, logger: logger,
            handler: ReporterAdmin(access: access, logger: logger).handle)
        let maxLag = configuration.general.readyMaxLag
        let store = database
        let http = try ReporterHTTPServer(
            database: database, address: try HostAndPort(parsing: configuration.reporter.http),
            token: configuration.reporter.token,
            clients: try configuration.reporter.clients.map { client in
                guard let role = AccountRole(rawValue: client.role), !client.token.isEmpty else {
                    throw RuntimeError(
                        .configuration,
                        "[reporter] clients: \(client.name) needs a token and a role (lezer, contractmanager, beheerder)"
                    )
                }
                return APIClientToken(name: client.name, token: client.token, role: role)
            },
            metrics: {
                var buffer = [UInt8]()
                registry.emit(into: &buffer)
                return buffer
            }, regions: configuration.regios, limits: .init(configuration.reporter), access: access,
            readiness: {
                [
                    await CommonReadiness.store {
                        _ = try await store.writer.read { try Int.fetchOne($0, sql: "SELECT 1") }
                    },
                    CommonReadiness.listening("admin socket", admin.listening.isListening),
                ]
                    + [intake, monitor, notifier].map {
                        let status = $0.status
                        return ReadinessCheck(
                            "consumer \(status.producer)", problem: status.problem(maxLag: Int64(maxLag)))
                    }
            }, logger: logger)
        try await ServiceMain.run([intake, monitor, notifier, admin, http], zap: zap, logger: logger)
    }
}
