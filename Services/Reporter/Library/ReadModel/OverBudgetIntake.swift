import Contracts
import Domain
import GRDB

/// Holland Rijnland's 105% rule: "Tot 105% mag onbeperkt worden opgenomen, mits
/// BSN-nummers worden doorgegeven van degenen die “bovenbegrotelijk” zijn opgenomen."
///
/// For a money norm under `--stopregel 105`: the clients whose care started at the norm's
/// provider, in its scope, from the day the forecast first reached 100% of the limit
/// (monitor's forecast alert, or the spend itself reaching it) until the day a stop came in
/// force. In Plafond the list names the keyed pseudonym and the allocation number; the
/// gemeente looks the BSN up itself, as a BSN never leaves intake.
public struct OverBudgetIntake: Codable, Sendable, Equatable {
    public var normID: Int64
    public var norm: String
    /// The first day over 100%; absent while the norm has not got there.
    public var vanaf: Day?
    /// The day the stop came in force, when it did: no one counts as taken on above
    /// budget after it (they are arrivals during a stop).
    public var tot: Day?
    /// How many, as published ("<5").
    public var aantal: String
    public var clienten: [Client]

    public struct Client: Codable, Sendable, Equatable {
        /// The keyed pseudonym.
        public var client: String
        public var toewijzingNummer: String
        public var begindatum: Day
        public var productCode: String?
        public var gemeente: String
    }
}

extension IndicatorQuery {
    /// One entry per money norm under the 105% rule that concerns the area and the period.
    func overBudgetIntake() throws -> [OverBudgetIntake] {
        try norms.filter { norm in
            norm.stopRule == .forecastAbove105 && norm.kind.limitIsMoney && area.covers(norm)
                && norm.period.start <= period.end && period.start <= norm.period.end
        }.sorted { $0.id < $1.id }.map(overBudgetIntake)
    }

    private func overBudgetIntake(_ norm: NormDefinition) throws -> OverBudgetIntake {
        let from = try String.fetchOne(
            db,
            sql: """
                SELECT MIN(substr(firedAt, 1, 10)) FROM alert WHERE normID = ?
                    AND (alertKind = 'forecast' OR (alertKind = 'actual' AND threshold >= 100))
                """, arguments: [norm.id]
        ).flatMap { Day(iso: $0) }
        guard let from else {
            return OverBudgetIntake(normID: norm.id, norm: norm.name, aantal: "0", clienten: [])
        }
        let stop = try String.fetchOne(
            db,
            sql: """
                SELECT MIN(substr(at, 1, 10)) FROM timelineEntry WHERE normID = ? AND kind = 'stop.imposed'
                    AND substr(at, 1, 10) >= ?
                """, arguments: [norm.id, from.iso]
        ).flatMap { Day(iso: $0) }
        // Up to the peildatum and within the norm's period; a start on the stop's day is
        // already under the stop.
        var last = min(asOf, norm.period.end)
        if let stop { last = min(last, stop.adding(days: -1)) }
        let first = max(from, norm.period.start)
        var clients: [OverBudgetIntake.Client] = []
        if first <= last {
            var sql = "SELECT * FROM careStart WHERE begindatum BETWEEN ? AND ?"
            var values: [any DatabaseValueConvertible] = [first.iso, last.iso]
            if let aanbieder = norm.scope.aanbieder {
                sql += " AND aanbieder = ?"
                values.append(aanbieder)
            }
            sql += gemeenteClause + " ORDER BY begindatum, client"
            for row in try CareStartRow.fetchAll(db, sql: sql, arguments: arguments(values)) {
                let productCode = row.productCode
                guard
                    norm.scope.matches(
                        gemeente: row.gemeente, aanbieder: row.aanbieder, productCategorie: row.categorie,
                        productCode: productCode.isEmpty ? nil : productCode),
                    let begindatum = Day(iso: row.begindatum)
                else { continue }
                clients.append(
                    OverBudgetIntake.Client(
                        client: row.client, toewijzingNummer: row.toewijzingNummer, begindatum: begindatum,
                        productCode: productCode.isEmpty ? nil : productCode, gemeente: row.gemeente))
            }
        }
        return OverBudgetIntake(
            normID: norm.id, norm: norm.name, vanaf: from, tot: stop,
            aantal: PublishedCount.text(Int64(clients.count)), clienten: clients)
    }
}
