import Domain
import Foundation

/// Synthetic JW323s for load: unique per run, provider system and message, every line its
/// own allocation so no line is a second debit (9389) of another, valid BSNs, one
/// declaration per provider, gemeente and month (`slot`). Used by
/// `plafond loadgen` and `plafond-bench`, so every load figure measures the same messages.
public enum LoadDeclaration {
    /// Four clients in every declaration, unless the caller's `bsn` (line index → BSN) says otherwise.
    public static func fourClients(_ line: Int) -> String {
        ["999900006", "999900018", "111222333", "123456782"][line % 4]
    }

    /// Gemeenten a load's declarations go to when one is not enough (Rijk van Nijmegen and
    /// around): codes from the CBS list, so intake knows them when it holds the list.
    public static let gemeenten = ["0268", "0209", "0252", "1945", "0225", "0228", "1740", "0296", "0668", "0293"]

    /// Months a provider may declare back from `last`: TR335 refuses a ProductPeriode that
    /// ended more than five years before the declaration's date.
    public static let monthsBack = 59

    /// The gemeente and month of a provider's declaration `message` (counted from 0) out of
    /// `count`: one declaration per gemeente per month, as real providers send them, so no
    /// DeclaratiePeriode comes before one already declared to the same gemeente (TR318,
    /// 8214). The gemeenten take turns within a month; the months run up to `last`,
    /// oldest first. Sent in the order of `message`, every one is in sequence.
    public static func slot(message: Int, count: Int, gemeenten: [String], last: Month) -> (
        gemeente: String, month: Month
    ) {
        let months = (count + gemeenten.count - 1) / gemeenten.count
        return (gemeenten[message % gemeenten.count], last.adding(months: message / gemeenten.count - (months - 1)))
    }

    /// How many declarations a provider can send to `gemeenten` that way.
    public static func capacity(gemeenten: Int) -> Int { gemeenten * (monthsBack + 1) }

    /// The sending provider's AGB code for provider system `client`.
    public static func agb(client: Int) -> String { String(format: "9%07d", client) }

    /// `allocation` names line `l`'s ToewijzingNummer; without it every line has one of its
    /// own, which stays within iJw's nine digits only for provider systems 0…99.
    public static func make(
        run: String, client: Int, message: Int, lines: Int, month: Month, gemeente: String, dagtekening: Day,
        bsn: (Int) -> String = fourClients, allocation: ((Int) -> String)? = nil
    ) -> Data {
        let tariff: Int64 = 7_380  // Wmo-begeleiding, € 73,80 an hour
        let prestaties = (0..<lines).map { l in
            let volume = Int64(1 + l % 12)
            return DeclarationLine(
                referentieNummer: "R\(run)-\(client)-\(message)-\(l)", vorigReferentieNummer: nil,
                toewijzingNummer: allocation?(l) ?? String(client * 10_000_000 + message * 10_000 + l),
                productCategorie: "45",
                productCode: "45A03", productPeriode: .month(month), geleverdVolume: volume, eenheid: "04",
                productTarief: tariff, ingediendBedrag: tariff * volume, debetCredit: .debet)
        }
        let byClient = Dictionary(grouping: prestaties.enumerated(), by: { bsn($0.offset) })
        let clients = byClient.keys.sorted().map { DeclaredClient(bsn: $0, lines: byClient[$0]!.map(\.element)) }
        let id = "L\(run)\(String(format: "%02d%04d", client, message))"
        return JW323Writer.write(
            .balanced(
                afzender: agb(client: client), ontvanger: gemeente, identificatie: id,
                dagtekening: dagtekening, declaratieNummer: id, periode: month, clients: clients))
    }
}
