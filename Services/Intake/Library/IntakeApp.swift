import Foundation
import GRDB
import Logging
import Messaging
import Prometheus
import Runtime
import ServiceLifecycle
import Storage

/// Wires intake's parts: the store (migrated first), its event log, the provider
/// endpoint (with CURVE and the ZAP handler outside development mode) and `/metrics`.
public struct IntakeApp {
    public static let abstract = "Checks, stores and answers iJw messages, and publishes what it accepted."

    let configuration: PlafondConfiguration
    let insecure: Bool
    let logger: Logger

    public init(configuration: PlafondConfiguration, insecure: Bool, logger: Logger) {
        self.configuration = configuration
        self.insecure = insecure
        self.logger = logger
    }

    public func run(metrics registry: PrometheusCollectorRegistry) async throws {
        try ProductionReadiness.check(configuration, service: "intake")
        let database = try IntakeDatabase.open(path: configuration.storePath("intake"))
        let serviceSecurity = try ServiceSecurity.load(configuration, service: "intake")
        let context = ZMQContext()
        defer { context.terminate() }
        // Providers' keys (KeyStore) for the provider endpoint, the keyring for the event log.
        var security: IntakeServer.Security?
        var providerKeys: (@Sendable (ZAPRequest) -> String?)?
        if !configuration.general.development {
            let keys = try KeyStore(configuration: configuration)
            providerKeys = keys.liveAuthorizer(logger: logger)
            security = IntakeServer.Security(serverSecretKey: try keys.serverKeyPair().secretKey)
        }
        let zap = try serviceSecurity.startZAP(context: context, logger: logger, providers: providerKeys)
        defer { zap?.stop() }
        let publisher = try EventLogPublisher.own(
            context: context, endpoints: configuration.intake.events,
            source: OutboxEventSource(reader: database.writer), security: serviceSecurity, insecure: insecure,
            logger: logger)

        let processor = IntakeProcessor(
            database: database, pseudonymizer: Pseudonymizer(secret: configuration.general.pseudonymKey),
            knownGemeenten: Set(configuration.intake.gemeenten),
            allocationGemeenten: Set(configuration.intake.allocationGemeenten),
            tariffs: try ContractTariffsFile.load(configuration, logger: logger),
            productCodes: try ProductCodeListFile.load(configuration, logger: logger),
            requireAuthentication: security != nil,
            logger: logger)
        AllocationSwitch.announce(configuration.intake, logger: logger)
        let server = try IntakeServer(
            context: context, endpoint: configuration.intake.endpoint, security: security, insecure: insecure,
            processor: processor, committed: { publisher.committed() }, logger: logger)
        let storeFiles = StoreFileGauges(path: configuration.storePath("intake"))
        let maxLag = configuration.general.readyMaxLag
        let metrics = try MetricsEndpoint(
            registry: registry, address: try HostAndPort(parsing: configuration.intake.metrics), insecure: insecure,
            readiness: {
                await CommonReadiness.service(
                    store: { _ = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT 1") } },
                    eventLog: publisher, sockets: [("provider endpoint", server.listening)], consumers: [],
                    maxLag: maxLag)
            }, beforeScrape: storeFiles.update, logger: logger)
        try await ServiceMain.run([publisher, server, metrics], zap: zap, logger: logger)
    }
}
