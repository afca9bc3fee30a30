import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond alert list|ack|silence`: the alerts monitor holds, and what people do about them.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Meldingen bekijken, bevestigen of stilzetten.",
        subcommands: [AlertListCommand.self, AlertAckCommand.self, AlertSilenceCommand.self])
}

struct AlertListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle meldingen, nieuwste eerst.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("status"), help: "firing of resolved.") var state: String?
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let alerts = try AdminCall.send(
            AlertListRequest(state: state), to: try options.admin(.monitor))
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

struct AlertAckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Een melding bevestigen: herinneringen en escalatie stoppen.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de melding.") var id: Int64
    @Option(name: .customLong("door"), help: "Wie de melding oppakt.") var by: String
    @Option(name: .customLong("notitie"), help: "Wat er gebeurt, bijvoorbeeld \"analysegesprek gepland 3 maart\".")
    var note: String = ""

    func run() async throws {
        let event = try AdminCall.send(
            AlertAckRequest(alertID: id, by: by, note: note), to: try options.admin(.notifier))
        print("Melding \(event.alertID) bevestigd door \(event.by).")
    }
}

struct AlertSilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence", abstract: "Meldingen stilzetten tot een datum (één melding, of alle van een norm).")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de melding (of gebruik --norm).") var id: Int64?
    @Option(name: .customLong("norm"), help: "Alle actieve meldingen van deze norm.") var normID: Int64?
    @Option(name: .customLong("tot"), help: "Tot (niet tot en met) deze dag, JJJJ-MM-DD.") var until: String
    @Option(name: .customLong("door"), help: "Wie de meldingen stilzet.") var by: String
    @Option(name: .customLong("reden"), help: "Waarom.") var reason: String = ""

    func run() async throws {
        guard let day = Day(iso: until) else { throw ValidationError("ongeldige datum \(until): gebruik JJJJ-MM-DD") }
        let event = try AdminCall.send(
            AlertSilenceRequest(alertID: id, normID: normID, until: day, by: by, reason: reason),
            to: try options.admin(.notifier))
        let ids = event.alertIDs.map(String.init).joined(separator: ", ")
        print("Melding(en) \(ids) stil tot \(day.iso).")
    }
}
