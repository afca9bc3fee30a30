import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Prometheus
import Runtime
import ServiceLifecycle
import Storage

/// Wires monitor's parts: store first, then its event log, the consumer of intake's log,
/// the admin socket and `/metrics`.
public struct MonitorApp {
    public static let abstract = "Keeps every norm's spending up to date from intake's log and raises alerts."

    let configuration: PlafondConfiguration
    let insecure: Bool
    let logger: Logger

    public init(configuration: PlafondConfiguration, insecure: Bool, logger: Logger) {
        self.configuration = configuration
        self.insecure = insecure
        self.logger = logger
    }

    public func run(metrics registry: PrometheusCollectorRegistry) async throws {
        try ProductionReadiness.check(configuration, service: "monitor")
        let database = try MonitorDatabase.open(path: configuration.storePath("monitor"), logger: logger)
        let core = try MonitorCore(
            database: database, routes: configuration.exceptionRoutes,
            previousPeriodMargin: configuration.monitor.previousPeriodMarginPercent, regions: configuration.regios,
            forecastSettings: RunRateForecast.Settings(
                lookback: configuration.monitor.forecastMonths, lagDays: configuration.monitor.forecastLagDays,
                minimumMonths: configuration.monitor.forecastMinMonths),
            arrivals: CareArrivals(gapMonths: configuration.monitor.instroomGapMonths),
            logger: logger)
        let security = try ServiceSecurity.load(configuration, service: "monitor")
        let context = ZMQContext()
        defer { context.terminate() }
        let zap = try security.startZAP(context: context, logger: logger)
        defer { zap?.stop() }
        let publisher = try EventLogPublisher.own(
            context: context, endpoints: configuration.monitor.events,
            source: OutboxEventSource(reader: database.writer), security: security, insecure: insecure, logger: logger)
        let intakeLog = configuration.intake.events
        let subscriber = EventLogSubscriber(
            context: context, producer: "intake", publishEndpoint: intakeLog.publish,
            catchUpEndpoint: intakeLog.catchUp, sink: core.intakeSink(afterCommit: { publisher.committed() }),
            batchSize: MonitorCore.consumerBatchSize, catchUpBatchSize: MonitorCore.catchUpBatchSize,
            catchUpTimeout: MonitorCore.catchUpTimeout,
            security: try security.client(ofService: "intake"), logger: logger)
        let admin = try AdminSocketServer(
            context: context, endpoint: configuration.monitor.admin, security: security.server(ZAPDomain.admin),
            insecure: insecure, logger: logger,
            handler: MonitorAdmin(core: core, logger: logger).handle)
        let storeFiles = StoreFileGauges(path: configuration.storePath("monitor"))
        let maxLag = configuration.general.readyMaxLag
        let metrics = try MetricsEndpoint(
            registry: registry, address: try HostAndPort(parsing: configuration.monitor.metrics), insecure: insecure,
            readiness: {
                await CommonReadiness.service(
                    store: { _ = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT 1") } },
                    eventLog: publisher, sockets: [("admin socket", admin.listening)], consumers: [subscriber],
                    maxLag: maxLag)
            }, beforeScrape: storeFiles.update, logger: logger)
        try await ServiceMain.run([publisher, subscriber, admin, metrics], zap: zap, logger: logger)
    }
}
