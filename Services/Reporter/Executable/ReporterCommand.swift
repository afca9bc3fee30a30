import ArgumentParser
import Logging
import ReporterService
import Runtime

/// The reporter executable: read configuration, bootstrap logging and metrics once, run.
@main
struct ReporterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reporter", abstract: ReporterApp.abstract,
        version: PlafondVersion.current)

    @OptionGroup var options: ServiceOptions

    @Flag(name: .long, help: "Throw the read model away and rebuild it from the event logs.")
    var rebuild = false

    func run() async throws {
        let configuration = try options.configuration()
        LogLineHandler.bootstrap(service: "reporter", level: configuration.general.logLevel)
        let registry = MetricsEndpoint.bootstrap()
        PlafondVersion.recordBuildInfo(service: "reporter")
        let logger = Logger(label: "reporter")
        do {
            try await ReporterApp(
                configuration: configuration, insecure: options.insecure, rebuild: rebuild, logger: logger
            )
            .run(metrics: registry)
        } catch {
            logger.critical("reporter stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
