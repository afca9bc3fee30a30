import Domain
import Foundation

/// Synthetic JW323s for load: unique per run, provider system and message, every line its
/// own allocation so no line is a second debit (9389) of another, valid BSNs. Used by
/// `plafond loadgen` and `plafond-bench intake`, so both measure the same messages.
public enum LoadDeclaration {
    public static func make(
        run: String, client: Int, message: Int, lines: Int, month: Month, gemeente: String, dagtekening: Day
    ) -> Data {
        let bsns = ["999900006", "999900018", "111222333", "123456782"]
        let tariff: Int64 = 7_380  // Wmo-begeleiding, € 73,80 an hour
        let prestaties = (0..<lines).map { l in
            let volume = Int64(1 + l % 12)
            return DeclarationLine(
                referentieNummer: "R\(run)-\(client)-\(message)-\(l)", vorigReferentieNummer: nil,
                toewijzingNummer: String(client * 10_000_000 + message * 10_000 + l), productCategorie: "45",
                productCode: "45A03", productPeriode: .month(month), geleverdVolume: volume, eenheid: "04",
                productTarief: tariff, ingediendBedrag: tariff * volume, debetCredit: .debet)
        }
        let byClient = Dictionary(grouping: prestaties.enumerated(), by: { $0.offset % bsns.count })
        let clients = byClient.keys.sorted().map { DeclaredClient(bsn: bsns[$0], lines: byClient[$0]!.map(\.element)) }
        let id = "L\(run)\(String(format: "%02d%04d", client, message))"
        return JW323Writer.write(
            .balanced(
                afzender: String(format: "9%07d", client), ontvanger: gemeente, identificatie: id,
                dagtekening: dagtekening, declaratieNummer: id, periode: month, clients: clients))
    }
}
