import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond cpv --toewijzing 300201 --besluit toegekend|afgewezen --reden … --door …`:
/// records the Commissie Passende Verwijzing's decision. Granted, the allocation is
/// exempt from the stop; refused, it is on record for the periodic check and the report.
struct CPVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpv", abstract: "Een besluit van de CPV vastleggen (toegekend of afgewezen).")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("toewijzing"), help: "ToewijzingNummer waarover de CPV besliste.") var toewijzing: String
    @Option(name: .customLong("besluit"), help: "toegekend of afgewezen.") var besluit: String
    @Option(name: .customLong("reden"), help: "De argumentatie van de commissie.") var reason: String
    @Option(name: .customLong("door"), help: "Wie het besluit vastlegt.") var by: String
    @Option(name: .customLong("norm"), help: "Nummer van de norm met de stop (optioneel).") var normID: Int64?

    func validate() throws {
        guard ["toegekend", "afgewezen"].contains(besluit) else {
            throw ValidationError("--besluit is toegekend of afgewezen")
        }
    }

    func run() async throws {
        let event = try AdminCall.send(
            CPVDecisionRequest(
                toewijzingNummer: toewijzing, normID: normID, granted: besluit == "toegekend", reason: reason, by: by),
            to: try options.admin(.monitor))
        print(
            "CPV-besluit \(event.decisionID) vastgelegd: toewijzing \(event.toewijzingNummer) "
                + (event.granted ? "toegekend (uitgezonderd van de stop)." : "afgewezen."))
    }
}
