import ArgumentParser
import IntakeService
import Logging
import Runtime

/// The intake executable: read configuration, bootstrap logging and metrics once, run.
@main
struct IntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: IntakeApp.abstract,
        version: PlafondVersion.current)

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.configuration()
        LogLineHandler.bootstrap(service: "intake", level: configuration.general.logLevel)
        let registry = MetricsEndpoint.bootstrap()
        PlafondVersion.recordBuildInfo(service: "intake")
        let logger = Logger(label: "intake")
        do {
            try await IntakeApp(configuration: configuration, insecure: options.insecure, logger: logger)
                .run(metrics: registry)
        } catch {
            logger.critical("intake stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
