import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond notify log`: per alert, who was told what, when, how, and who acknowledged.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Wat notifier heeft verstuurd.",
        subcommands: [NotifyLogCommand.self, NotifyDecisionsCommand.self, NotifyStatusCommand.self])
}

struct NotifyLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Per melding: wie wat wanneer via welk kanaal hoorde, en wie bevestigde.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("melding"), help: "Alleen deze melding.") var alertID: Int64?
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let entries = try AdminCall.send(
            NotifyLogRequest(alertID: alertID), to: try options.admin(.notifier))
        if json {
            print(String(decoding: try AdminCoding.encode(entries), as: UTF8.self))
            return
        }
        for entry in entries {
            let kind = entry.alertKind == .forecast ? "prognose" : "stand"
            print(
                "Melding \(entry.alertID)\t\(entry.normName)\t\(kind) \(entry.threshold)%\t\(entry.severity.rawValue)\t\(entry.state)\tontvangen \(stamp(entry.receivedAt))"
            )
            if let by = entry.acknowledgedBy, let at = entry.acknowledgedAt {
                print("  bevestigd door \(by) op \(stamp(at)): \(entry.acknowledgedNote ?? "")")
            }
            if let until = entry.silencedUntil { print("  stil tot \(stamp(until)) (\(entry.silencedBy ?? ""))") }
            if let at = entry.escalatedAt { print("  geëscaleerd op \(stamp(at))") }
            for n in entry.notifications {
                let sent = n.sentAt.map { " verzonden \(stamp($0))" } ?? ""
                let error = n.lastError.map { " fout: \($0)" } ?? ""
                print(
                    "  \(n.event)\t\(n.channel)\t\(n.recipient) <\(n.address)>\t\(n.state), \(n.attempts) poging(en)\(sent)\(error)"
                )
            }
        }
    }

    private func stamp(_ date: Date) -> String { date.formatted(.iso8601) }
}

/// `plafond notify status`: this installation's id, the domain part of every Message-ID.
struct NotifyStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Het installatie-id van notifier (deel van elke Message-ID).")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let status = try AdminCall.send(
            NotifierStatusRequest(), to: try options.admin(.notifier))
        print("Installatie: \(status.installationID)")
    }
}

/// `plafond notify besluiten --norm N`: the stops imposed and lifted on a norm, as
/// notifier's audit holds them beside the alerts (who, when, why).
struct NotifyDecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "besluiten", abstract: "Per norm: welke stops wie wanneer oplegde of ophief, en waarom.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("norm"), help: "De norm.") var normID: Int64
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let decisions = try AdminCall.send(
            NormDecisionsRequest(normID: normID), to: try options.admin(.notifier))
        if json {
            print(String(decoding: try AdminCoding.encode(decisions), as: UTF8.self))
            return
        }
        for decision in decisions {
            let what = decision.kind == "stop.imposed" ? "stop opgelegd" : "stop opgeheven"
            print(
                "Norm \(decision.normID)\t\(what) door \(decision.by) op \(decision.at.formatted(.iso8601)): \(decision.reason)"
            )
        }
    }
}
