import Domain
import GRDB

/// Nijmegen normeert "intensiteit en/of duur": how long one youth receives help. Per care
/// type, the clients in care in the stand's month at one provider for longer than
/// `duur_signaal_maanden`, counted from their arrival there (`CareArrivals`). A signal for
/// the analysegesprek, not a verdict: no norm is broken by it.
extension IndicatorQuery {
    /// Per category, and in all, the clients whose care at some provider is longer than the
    /// signal. Read in client order and judged client by client (`ClientTally`).
    func longCare(standMonth: String?) throws -> (byCategory: [String: Int], all: Int) {
        guard let standMonth, let stand = Month(standMonth) else { return ([:], 0) }
        struct Episode: Hashable {
            var aanbieder: String
            var categorie: String
        }
        var byCategory: [String: Int] = [:]
        var all = 0
        var care: [Episode: Set<Month>] = [:]
        func judgeClient() {
            var long = Set<String>()
            for (episode, months) in care {
                guard let length = arrivals.monthsInCare(months, at: stand), length > durationSignalMonths else {
                    continue
                }
                long.insert(episode.categorie)
            }
            for categorie in long { byCategory[categorie, default: 0] += 1 }
            if !long.isEmpty { all += 1 }
            care.removeAll(keepingCapacity: true)
        }
        // Every earlier month of the clients in care in the stand's month: an episode may
        // have begun years before the period.
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT m.client, m.aanbieder, m.categorie, m.month
                    FROM clientCareMonth m
                    WHERE m.month <= ? AND EXISTS (
                        SELECT 1 FROM clientCareMonth s
                        WHERE s.aanbieder = m.aanbieder AND s.client = m.client AND s.month = ?
                            AND s.categorie = m.categorie)\(area.sqlClause(column: "m.gemeente"))
                    ORDER BY m.client
                    """),
            arguments: arguments([standMonth, standMonth]))
        try ClientRuns.walk(rows) { row in
            guard let month = Month(row[3] as String) else { return }
            care[Episode(aanbieder: row[1], categorie: row[2]), default: []].insert(month)
        } clientEnded: {
            judgeClient()
        }
        return (byCategory, all)
    }
}
