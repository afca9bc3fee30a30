import ArgumentParser
import Logging
import NotifierService
import Runtime

/// The notifier executable: read configuration, bootstrap logging and metrics once, run.
@main
struct NotifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifier", abstract: NotifierApp.abstract,
        version: PlafondVersion.current)

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.configuration()
        LogLineHandler.bootstrap(service: "notifier", level: configuration.general.logLevel)
        let registry = MetricsEndpoint.bootstrap()
        PlafondVersion.recordBuildInfo(service: "notifier")
        let logger = Logger(label: "notifier")
        do {
            try await NotifierApp(configuration: configuration, insecure: options.insecure, logger: logger)
                .run(metrics: registry)
        } catch {
            logger.critical("notifier stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
