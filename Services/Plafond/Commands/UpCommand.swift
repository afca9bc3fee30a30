import ArgumentParser
import Foundation
import Runtime

/// `plafond up`: starts the four services as child processes on one data folder and
/// stops them together on Ctrl-C or SIGTERM (or when one of them dies).
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up", abstract: "Start intake, monitor, notifier and reporter together.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.configuration()
        var arguments: [String] = []
        if let config = options.config { arguments += ["--config", config] }
        arguments += ["--data", configuration.general.dataDirectory]
        if options.insecure { arguments.append("--insecure") }
        let supervisor = try ChildSupervisor(
            programs: ["intake", "monitor", "notifier", "reporter"], arguments: arguments)
        print(
            "Plafond draait: data in \(configuration.general.dataDirectory), dashboard op http://\(configuration.reporter.http)"
        )
        print("Stoppen met Ctrl-C.")
        let code = supervisor.runUntilSignal()
        throw ExitCode(code)
    }
}
