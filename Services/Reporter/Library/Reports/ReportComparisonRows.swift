import Domain

/// The comparison as rows, per care type the report's period first and then the ones it
/// is compared with, so the figures stand side by side in HTML and CSV alike.
enum ReportComparisonRows {
    static func rows(_ report: Report, amount: (Int64) -> String = { Money(cents: $0).dutch }) -> [[String]] {
        let current = (report.periode, report.indicatoren.zorgsoorten + [report.indicatoren.totaal])
        let columns = [current] + report.vergelijking.map { ($0.periode, $0.zorgsoorten + [$0.totaal]) }
        var order: [String] = []
        var names: [String: String] = [:]
        for (_, careTypes) in columns {
            for careType in careTypes where names[careType.categorie] == nil {
                order.append(careType.categorie)
                names[careType.categorie] = careType.naam
            }
        }
        // "totaal" last, whatever order the care types came in.
        order = order.filter { $0 != "totaal" } + (order.contains("totaal") ? ["totaal"] : [])
        var rows: [[String]] = []
        for categorie in order {
            let label = categorie == "totaal" ? names[categorie] ?? categorie : "\(categorie) \(names[categorie] ?? "")"
            for (periode, careTypes) in columns {
                guard let c = careTypes.first(where: { $0.categorie == categorie }) else {
                    rows.append([label, periode, "0", "0", "0", "0", amount(0)])
                    continue
                }
                rows.append([label, periode, c.instroom, c.uitstroom, c.stand, c.uniekeClienten, amount(c.kosten)])
            }
        }
        return rows
    }
}
