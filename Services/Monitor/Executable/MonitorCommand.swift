import ArgumentParser
import Logging
import MonitorService
import Runtime

/// The monitor executable: read configuration, bootstrap logging and metrics once, run.
@main
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: MonitorApp.abstract,
        version: PlafondVersion.current)

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.configuration()
        LogLineHandler.bootstrap(service: "monitor", level: configuration.general.logLevel)
        let registry = MetricsEndpoint.bootstrap()
        PlafondVersion.recordBuildInfo(service: "monitor")
        let logger = Logger(label: "monitor")
        do {
            try await MonitorApp(configuration: configuration, insecure: options.insecure, logger: logger)
                .run(metrics: registry)
        } catch {
            logger.critical("monitor stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
