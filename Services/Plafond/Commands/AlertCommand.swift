import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond alert list`: the alerts monitor holds, for people and scripts.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Meldingen bekijken.", subcommands: [AlertListCommand.self])
}

struct AlertListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle meldingen, nieuwste eerst.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("status"), help: "firing of resolved.") var state: String?
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let alerts: [AlertStatus] = try AdminCall.send(
            AlertListRequest(state: state), to: try options.configuration().monitor.admin)
        if json {
            print(String(decoding: try AdminCoding.encode(alerts), as: UTF8.self))
            return
        }
        for alert in alerts {
            let kind = alert.alertKind == .forecast ? "prognose" : "stand"
            print("\(alert.id)\t\(alert.state)\t\(kind) \(alert.threshold)%\t\(alert.normName)\tsinds \(alert.firedAt)")
        }
    }
}
