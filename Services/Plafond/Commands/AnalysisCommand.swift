import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond analyse record`: write down an analysegesprek about a norm.
struct AnalysisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse", abstract: "Een analysegesprek vastleggen.", subcommands: [AnalysisRecordCommand.self])
}

struct AnalysisRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Datum, deelnemers, conclusie, plan van aanpak en vervolgdatum.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("norm"), help: "Nummer van de norm.") var normID: Int64
    @Option(name: .customLong("datum"), help: "Dag van het gesprek, JJJJ-MM-DD.") var day: String
    @Option(name: .customLong("deelnemers"), help: "Wie er waren.") var participants: String = ""
    @Option(name: .customLong("conclusie"), help: "Wat er is besloten.") var conclusion: String
    @Option(name: .customLong("plan"), help: "Het plan van aanpak.") var plan: String = ""
    @Option(name: .customLong("vervolg"), help: "Wanneer het plan wordt besproken, JJJJ-MM-DD.") var followUp: String?
    @Option(name: .customLong("door"), help: "Wie het vastlegt.") var by: String

    func run() async throws {
        guard let parsedDay = Day(iso: day) else { throw ValidationError("ongeldige datum \(day): gebruik JJJJ-MM-DD") }
        var parsedFollowUp: Day?
        if let followUp {
            guard let day = Day(iso: followUp) else { throw ValidationError("ongeldige vervolgdatum \(followUp)") }
            parsedFollowUp = day
        }
        let event = try AdminCall.send(
            AnalysisRecordRequest(
                normID: normID, day: parsedDay, participants: participants, conclusion: conclusion, plan: plan,
                followUp: parsedFollowUp, by: by),
            to: try options.admin(.monitor))
        print("Analysegesprek \(event.analysisID) voor norm \(event.normID) vastgelegd.")
    }
}
