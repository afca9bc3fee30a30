import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond cpv --toewijzing 300201 --besluit toegekend|afgewezen --reden … --door …`:
/// records the Commissie Passende Verwijzing's decision. Granted, the allocation is
/// exempt from the stop; refused, it is on record for the periodic check and the report.
///
/// With `--extra N --norm N --van YYYY-MM --tot-en-met YYYY-MM` the decision is about
/// care above an intensiteitsnorm instead ("Verwijzers kunnen een beargumenteerd verzoek
/// indienen bij de CPV"): granted, the client of the allocation may receive N units more
/// per the norm's week or month in those months, and monitor judges its months again.
struct CPVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpv",
        abstract: "Een besluit van de CPV vastleggen (toegekend of afgewezen): uitzondering op een stop, "
            + "of met --extra meer zorg dan een intensiteitsnorm toestaat.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("toewijzing"), help: "ToewijzingNummer waarover de CPV besliste.") var toewijzing: String
    @Option(name: .customLong("besluit"), help: "toegekend of afgewezen.") var besluit: String
    @Option(name: .customLong("reden"), help: "De argumentatie van de commissie.") var reason: String
    @Option(name: .customLong("door"), help: "Wie het besluit vastlegt.") var by: String
    @Option(
        name: .customLong("norm"),
        help: "Nummer van de norm: met de stop (optioneel), of de intensiteitsnorm (verplicht bij --extra).")
    var normID: Int64?
    @Option(
        name: .customLong("extra"),
        help: "Intensiteit: eenheden boven de grens per week of maand van de norm (gevraagd, of toegekend).")
    var extra: Int64?
    @Option(name: .customLong("van"), help: "Intensiteit: eerste maand, bijvoorbeeld 2026-04.") var from: String?
    @Option(name: .customLong("tot-en-met"), help: "Intensiteit: laatste maand, bijvoorbeeld 2026-09.") var through:
        String?

    func validate() throws {
        guard ["toegekend", "afgewezen"].contains(besluit) else {
            throw ValidationError("--besluit is toegekend of afgewezen")
        }
        guard extra != nil || (from == nil && through == nil) else {
            throw ValidationError("--van en --tot-en-met horen bij --extra (een besluit over intensiteit)")
        }
        if extra != nil { _ = try intensityRequest() }
    }

    /// The intensity decision the options describe, or a usage error saying what is missing.
    func intensityRequest() throws -> IntensityCPVRequest {
        guard let extra, extra > 0 else { throw ValidationError("--extra is een aantal groter dan 0") }
        guard let normID else { throw ValidationError("--extra hoort bij een intensiteitsnorm: geef --norm") }
        guard let start = from.flatMap(Month.init), let end = through.flatMap(Month.init) else {
            throw ValidationError("--van en --tot-en-met zijn maanden, bijvoorbeeld 2026-04 en 2026-09")
        }
        guard start <= end else { throw ValidationError("--van \(start) ligt na --tot-en-met \(end)") }
        return IntensityCPVRequest(
            toewijzingNummer: toewijzing, normID: normID, granted: besluit == "toegekend", extra: extra, from: start,
            through: end, reason: reason, by: by)
    }

    func run() async throws {
        if extra != nil {
            let event = try AdminCall.send(
                try intensityRequest(), to: try options.admin(.monitor))
            print(
                "CPV-besluit \(event.decisionID) over norm \(event.normID) vastgelegd: toewijzing "
                    + "\(event.toewijzingNummer), \(event.extraText) "
                    + (event.granted
                        ? "toegekend; de maanden van de cliënt zijn opnieuw beoordeeld." : "afgewezen."))
            return
        }
        let event = try AdminCall.send(
            CPVDecisionRequest(
                toewijzingNummer: toewijzing, normID: normID, granted: besluit == "toegekend", reason: reason, by: by),
            to: try options.admin(.monitor))
        print(
            "CPV-besluit \(event.decisionID) vastgelegd: toewijzing \(event.toewijzingNummer) "
                + (event.granted ? "toegekend (uitgezonderd van de stop)." : "afgewezen."))
    }
}
