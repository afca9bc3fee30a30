import Foundation
import GRDB
import Logging
import Messaging
import Prometheus
import Runtime
import ServiceLifecycle
import Storage

/// Wires notifier's parts: the store, its own event log, the consumer of monitor's log,
/// the delivery worker, the admin socket and `/metrics`.
public struct NotifierApp {
    public static let abstract =
        "Delivers alerts to contract managers by e-mail and webhook, durably and once per crossing."

    let configuration: PlafondConfiguration
    let insecure: Bool
    let logger: Logger

    public init(configuration: PlafondConfiguration, insecure: Bool, logger: Logger) {
        self.configuration = configuration
        self.insecure = insecure
        self.logger = logger
    }

    public func run(metrics registry: PrometheusCollectorRegistry) async throws {
        try ProductionReadiness.check(configuration, service: "notifier")
        let settings = configuration.notifier
        let database = try NotifierDatabase.open(path: configuration.storePath("notifier"))
        let installation = try database.installationID()
        logger.info("notifier store open", metadata: ["installation.id": "\(installation)"])
        let security = try ServiceSecurity.load(configuration, service: "notifier")
        let context = ZMQContext()
        defer { context.terminate() }
        let zap = try security.startZAP(context: context, logger: logger)
        defer { zap?.stop() }
        let publisher = try EventLogPublisher.own(
            context: context, endpoints: settings.events,
            source: OutboxEventSource(reader: database.writer), security: security, insecure: insecure, logger: logger)
        let worker = try DeliveryWorker(
            database: database, settings: settings, published: { publisher.committed() }, logger: logger)
        let intake = AlertIntake(settings: settings)
        if settings.recipients.isEmpty {
            logger.notice("no notifier.recipients configured: only subscriptions (plafond subscribe) receive alerts")
        }
        let sink = TransactionalEventSink(
            writer: database.writer, producer: "monitor", afterCommit: { worker.poke() },
            apply: { db, event in try intake.apply(db, event, now: Date()) })
        let monitorLog = configuration.monitor.events
        let subscriber = EventLogSubscriber(
            context: context, producer: "monitor", publishEndpoint: monitorLog.publish,
            catchUpEndpoint: monitorLog.catchUp, sink: sink, security: try security.client(ofService: "monitor"),
            logger: logger)
        let admin = try AdminSocketServer(
            context: context, endpoint: settings.admin, security: security.server(ZAPDomain.admin), insecure: insecure,
            logger: logger,
            handler: NotifierAdmin(
                database: database, settings: settings,
                changed: {
                    publisher.committed()
                    worker.poke()
                }, logger: logger
            ).handle)
        let storeFiles = StoreFileGauges(path: configuration.storePath("notifier"))
        let maxLag = configuration.general.readyMaxLag
        let metrics = try MetricsEndpoint(
            registry: registry, address: try HostAndPort(parsing: settings.metrics), insecure: insecure,
            readiness: {
                await CommonReadiness.service(
                    store: { _ = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT 1") } },
                    eventLog: publisher, sockets: [("admin socket", admin.listening)], consumers: [subscriber],
                    maxLag: maxLag)
            }, beforeScrape: storeFiles.update, logger: logger)
        try await ServiceMain.run([publisher, worker, subscriber, admin, metrics], zap: zap, logger: logger)
    }
}
