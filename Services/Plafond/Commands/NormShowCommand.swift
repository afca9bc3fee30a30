import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond norm show N`: one norm's figures with the forecast's method and inputs, so a
/// contract manager can explain every number in a conversation with the provider.
struct NormShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Eén norm: stand, drempels en de prognose met methode en invoer.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de norm.") var id: Int64
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let statuses = try AdminCall.send(
            NormListRequest(), to: try options.admin(.monitor))
        guard let status = statuses.first(where: { $0.norm.id == id }) else {
            throw ValidationError("norm \(id) bestaat niet")
        }
        if json {
            print(String(decoding: try AdminCoding.encode(status), as: UTF8.self))
            return
        }
        print(Self.describe(status))
    }

    static func describe(_ status: NormStatus) -> String {
        let norm = status.norm
        let amount = { (value: Int64) in norm.kind.limitIsMoney ? Money(cents: value).dutch : String(value) }
        var lines = [
            "Norm \(norm.id) (versie \(norm.version)\(norm.ended ? ", beëindigd" : "")): \(norm.name)",
            "Instrument:  \(norm.kind.rawValue)",
            "Bereik:      gemeenten \(norm.scope.gemeenten.isEmpty ? "alle" : norm.scope.gemeenten.joined(separator: ", "))"
                + ", aanbieder \(norm.scope.aanbieder ?? "alle")"
                + (norm.scope.productCategorieen.isEmpty
                    ? "" : ", categorieën \(norm.scope.productCategorieen.joined(separator: ", "))"),
            "Periode:     \(norm.period.label)",
            "Stand:       \(NormPrinting.figures(status))",
            "Drempels:    \(norm.thresholds.map { "\($0)%" }.joined(separator: ", "))"
                + (status.firing.isEmpty
                    ? "" : " (bereikt: \(status.firing.map { "\($0)%" }.joined(separator: ", ")))"),
            "Stopregel:   \(norm.stopRule == .forecastAbove105 ? "prognose boven 105%" : "prognose boven 100%")",
        ]
        if let measure = norm.intensity {
            lines.append(contentsOf: intensityLines(status, measure: measure))
        }
        if let forecast = status.forecast {
            lines += [
                "Prognose:    \(amount(forecast.projectedTotal)) aan het eind van de periode"
                    + (forecast.crossingDate.map { ", grens bereikt op \($0.iso)" } ?? ", grens niet bereikt"),
                "  methode:   \(forecast.method): gemiddelde van de laatste complete zorgmaanden, doorgetrokken",
                "  invoer:    maanden \(forecast.basisMonths.joined(separator: ", ")), \(amount(forecast.ratePerMonth)) per maand",
                "  spreiding: \(amount(forecast.projectedLow)) tot \(amount(forecast.projectedHigh))"
                    + " (laagste en hoogste maand van de basis doorgetrokken)",
            ]
            if forecast.indicative {
                lines.append(
                    "  indicatief: pas \(forecast.completeMonths) complete zorgmaand(en); geen advies of prognosemelding"
                        + " tot er genoeg zijn (forecast_min_months)")
            }
        } else if norm.kind.limitIsMoney {
            lines.append("Prognose:    nog geen complete zorgmaand om een tempo uit af te leiden")
        }
        return lines.joined(separator: "\n")
    }

    /// The rule and the latest client-months above it (pseudonyms shortened: enough to
    /// tell them apart in a conversation, never a BSN).
    static func intensityLines(_ status: NormStatus, measure: IntensityMeasure) -> [String] {
        let unit = { (scaled: Int64) -> String in
            measure.eenheid == "04"
                ? "\(scaled / 60):\(String(format: "%02d", scaled % 60)) uur" : "\(scaled) \(measure.unitName)"
        }
        var lines = [
            "Regel:       niet incidenteel bij \(measure.monthsAbove) van \(measure.windowMonths) maanden boven de norm;"
                + " dan is de zorg boven de norm onrechtmatig"
                + (measure.perChild ? "; per kind, de zorg van alle aanbieders samen" : "")
        ]
        if let weeks = measure.openWeeks {
            lines.append(
                "Openstelling: signaal bij zorg in meer dan \(weeks) weken per jaar (ISO-weken met een dag "
                    + "in een gedeclareerde periode; op de tijdlijn)")
        }
        if let months = measure.maxMonths {
            lines.append(
                "Duur:        signaal bij langer dan \(months) maanden in zorg bij een aanbieder (vanaf de instroom; "
                    + "op de tijdlijn)")
        }
        if let months = measure.maxMonths {
            lines.append(
                "Duur:        signaal bij langer dan \(months) maanden in zorg bij een aanbieder (vanaf de instroom; "
                    + "op de tijdlijn)")
        }
        lines += [
            "Boven de norm (laatste 50):"
        ]
        let months = status.intensityMonths ?? []
        if months.isEmpty { lines.append("  geen") }
        for month in months {
            lines.append(
                "  \(month.month) aanbieder \(month.aanbieder.isEmpty ? "alle" : month.aanbieder) "
                    + "cliënt \(month.client.prefix(8)): \(unit(month.used)) "
                    + "(toegestaan \(unit(month.verdict.allowed))"
                    + (month.verdict.approved.map { ", CPV kende \(unit($0)) boven de norm toe" } ?? "")
                    + "), \(unit(month.verdict.above)) erboven = "
                    + "\(Money(cents: month.verdict.amountAboveCents).dutch)"
                    + (month.verdict.structural ? ", structureel" : ", incidenteel"))
        }
        return lines
    }
}
