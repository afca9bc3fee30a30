import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond stop impose|lift`: people decide referral stops; the system only advises.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Een toeleidingsstop opleggen of opheffen (altijd door een mens).",
        subcommands: [StopImposeCommand.self, StopLiftCommand.self])
}

struct StopImposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "impose", abstract: "Een stop opleggen.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("norm"), help: "Nummer van de norm (bestedingsruimte of instroomtarget).") var normID:
        Int64
    @Option(name: .customLong("door"), help: "Wie de stop oplegt.") var by: String
    @Option(name: .customLong("reden"), help: "Waarom, bijvoorbeeld de uitkomst van het analysegesprek.") var reason:
        String

    func run() async throws {
        let event = try AdminCall.send(
            StopImposeRequest(normID: normID, by: by, reason: reason), to: try options.admin(.monitor))
        print("Stop \(event.stopID) opgelegd voor norm \(event.normID) door \(event.by).")
    }
}

struct StopLiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lift", abstract: "Een stop opheffen.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("norm"), help: "Nummer van de norm.") var normID: Int64
    @Option(name: .customLong("door"), help: "Wie de stop opheft.") var by: String
    @Option(name: .customLong("reden"), help: "Waarom.") var reason: String
    @Option(
        name: .customLong("ondanks"),
        help: "Opheffen hoewel binnen vier maanden opnieuw een stop verwacht wordt, en waarom (wordt vastgelegd).")
    var despite: String?

    func run() async throws {
        let event = try AdminCall.send(
            StopLiftRequest(normID: normID, by: by, reason: reason, despite: despite),
            to: try options.admin(.monitor))
        print(
            "Stop \(event.stopID) voor norm \(event.normID) opgeheven door \(event.by)"
                + (event.despite == nil ? "." : ", ondanks de viermaandenregel."))
    }
}

/// `plafond exempt`: a client of this allocation may enter during a stop.
struct ExemptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exempt",
        abstract: "Een toewijzing uitzonderen van een stop langs een uitzonderingsroute (CPV, Regieteam, RET, …).")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("toewijzing"), help: "ToewijzingNummer.") var toewijzing: String
    @Option(name: .customLong("reden"), help: "De uitzonderingsroute: CPV, Regieteam, RET of een geconfigureerde.")
    var reason: String
    @Option(name: .customLong("door"), help: "Wie de uitzondering vastlegt.") var by: String?

    func run() async throws {
        guard let parsed = ExemptionReason(rawValue: reason) else {
            throw ValidationError("--reden noemt de uitzonderingsroute, bijvoorbeeld CPV, Regieteam of RET")
        }
        _ = try AdminCall.send(
            ExemptRequest(toewijzingNummer: toewijzing, reason: parsed, by: by),
            to: try options.admin(.monitor))
        print("Toewijzing \(toewijzing) uitgezonderd (\(parsed.rawValue)).")
    }
}
