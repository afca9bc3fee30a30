import Domain
import GRDB

/// How many clients arrived in care up to the peildatum, per care type, per product and in
/// all: care in a month with none of that type (or product) in the `instroom_gap_months`
/// before it, the first time or again after a break ("(opnieuw) in zorg", as the
/// instroomtarget counts). In all, a client counts once however many types it arrived in.
struct CareArrivalsByType {
    var byCategory: [String: Int] = [:]
    var byProduct: [ProductKey: Int] = [:]
    var all = 0
}

extension IndicatorQuery {
    /// All three from one read of the months of care in the arrival window, in client
    /// order: a client's months are judged when its rows end and then forgotten, so a
    /// country's request holds one client's months, not every client's (`ClientTally`).
    /// A care type's months are the union of its products'.
    func careArrivals() throws -> CareArrivalsByType {
        let window = arrivals.window(for: period)
        var result = CareArrivalsByType()
        var byProduct: [ProductKey: Set<Month>] = [:]
        func judgeClient() {
            var byCategory: [String: Set<Month>] = [:]
            for (key, months) in byProduct {
                byCategory[key.categorie, default: []].formUnion(months)
                if arrivedInPeriod(months) { result.byProduct[key, default: 0] += 1 }
            }
            var arrivedSomewhere = false
            for (categorie, months) in byCategory where arrivedInPeriod(months) {
                result.byCategory[categorie, default: 0] += 1
                arrivedSomewhere = true
            }
            // A care type is listed with no arrival too (its row has figures of its own).
            for categorie in byCategory.keys where result.byCategory[categorie] == nil {
                result.byCategory[categorie] = 0
            }
            if arrivedSomewhere { result.all += 1 }
            byProduct.removeAll(keepingCapacity: true)
        }
        // No DISTINCT: a month at two providers is one month in a set.
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT client, categorie, productCode, month FROM clientCareMonth
                    WHERE month BETWEEN ? AND ?\(gemeenteClause) ORDER BY client
                    """),
            arguments: arguments([window.lowerBound.description, asOf.month.description]))
        try ClientRuns.walk(rows) { row in
            guard let month = Month(row[3] as String) else { return }
            byProduct[ProductKey(categorie: row[1], product: row[2]), default: []].insert(month)
        } clientEnded: {
            judgeClient()
        }
        return result
    }

    /// Whether these months of care hold an arrival in the period up to the peildatum.
    private func arrivedInPeriod(_ months: Set<Month>) -> Bool {
        arrivals.arrivals(months).contains { $0 >= period.start.month && $0 <= asOf.month }
    }
}
