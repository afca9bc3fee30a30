import Contracts
import Domain

/// The PxQ forecast as a contract manager reads it beside the run-rate: the outcome and
/// every input, so the difference between the two can be traced to its cause.
enum PxQText {
    static func paragraph(_ f: PxQForecast) -> String {
        let money = { (cents: Int64) in Money(cents: cents).dutch }
        let from = Month(f.fromMonth).map { DutchDate.text($0) } ?? f.fromMonth
        let skipped =
            f.withoutTariff > 0
            ? "; \(f.withoutTariff) toewijzing(en) zonder bekend tarief of looptijd niet meegeteld" : ""
        return """
            <p>Prognose uit de toewijzingen (P×Q): <strong>\(money(f.projectedTotal))</strong>.
            <span class="meta">Gedeclareerd tot \(HTML.escape(from)) \(money(f.declared)); vanaf \(HTML.escape(from)):
            \(HTML.escape(PublishedCount.text(Int64(f.clientsInCare)))) cliënten in zorg, toegewezen volume × laatst gedeclareerd tarief
            \(money(f.allocatedPerMonth)) per maand; alle toewijzingen tot het eind van de periode \(money(f.gross)),
            min verwachte uitstroom \(money(f.expectedOutflow)) (\(f.endingAllocations) toewijzing(en) met een einddatum
            ervoor)\(HTML.escape(skipped)).</span></p>
            """
    }
}
