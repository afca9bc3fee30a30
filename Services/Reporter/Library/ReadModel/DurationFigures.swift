import Domain
import GRDB

/// Nijmegen normeert "intensiteit en/of duur": how long one youth receives help. Per care
/// type, the clients in care in the stand's month at one provider for longer than
/// `duur_signaal_maanden`, counted from their arrival there (`CareArrivals`). A signal for
/// the analysegesprek, not a verdict: no norm is broken by it.
extension IndicatorQuery {
    /// Per category, the clients whose care at some provider is longer than the signal.
    func longCareByCategory(standMonth: String?) throws -> [String: Set<String>] {
        guard let standMonth, Month(standMonth) != nil else { return [:] }
        struct Key: Hashable {
            var aanbieder: String
            var categorie: String
            var client: String
        }
        var care: [Key: Set<Month>] = [:]
        // Every earlier month of the clients in care in the stand's month: an episode may
        // have begun years before the period.
        for row in try ProviderCareRow.fetchAll(
            db,
            sql: """
                SELECT m.aanbieder AS aanbieder, m.categorie AS categorie, m.client AS client, m.month AS month
                FROM clientCareMonth m
                WHERE m.month <= ? AND EXISTS (
                    SELECT 1 FROM clientCareMonth s
                    WHERE s.aanbieder = m.aanbieder AND s.client = m.client AND s.month = ?
                        AND s.categorie = m.categorie)
                """ + area.sqlClause(column: "m.gemeente"),
            arguments: arguments([standMonth, standMonth]))
        {
            guard let month = Month(row.month) else { continue }
            care[Key(aanbieder: row.aanbieder, categorie: row.categorie, client: row.client), default: []].insert(month)
        }
        let stand = Month(standMonth)!
        var long: [String: Set<String>] = [:]
        for (key, months) in care {
            guard let length = arrivals.monthsInCare(months, at: stand), length > durationSignalMonths else { continue }
            long[key.categorie, default: []].insert(key.client)
        }
        return long
    }
}
