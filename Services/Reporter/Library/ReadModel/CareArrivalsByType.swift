import Domain
import GRDB

/// The clients who arrived in care up to the peildatum, per care type and per product:
/// care in a month with none of that type (or product) in the `instroom_gap_months`
/// before it, the first time or again after a break ("(opnieuw) in zorg", as the
/// instroomtarget counts).
struct CareArrivalsByType {
    var byCategory: [String: Set<String>]
    var byProduct: [ProductKey: Set<String>]
}

extension IndicatorQuery {
    /// Both from one read of the months of care in the arrival window: the per-type and the
    /// per-product figures once read the same rows each (at a country's scale a third of a
    /// gemeente's indicators). A care type's months are the union of its products'.
    func careArrivals() throws -> CareArrivalsByType {
        let window = arrivals.window(for: period)
        var byProduct: [ProductKey: [String: Set<Month>]] = [:]
        // No DISTINCT: a month at two providers is one month in a set, and SQLite's
        // temporary b-tree for DISTINCT cost more than the set does.
        let rows = try CareMonthRow.fetchCursor(
            db,
            sql: "SELECT categorie, productCode, client, month FROM clientCareMonth WHERE month BETWEEN ? AND ?"
                + gemeenteClause,
            arguments: arguments([window.lowerBound.description, asOf.month.description]))
        while let row = try rows.next() {
            guard let month = Month(row.month) else { continue }
            byProduct[ProductKey(categorie: row.categorie, product: row.productCode), default: [:]][
                row.client, default: []
            ].insert(month)
        }
        var byCategory: [String: [String: Set<Month>]] = [:]
        for (key, clients) in byProduct {
            for (client, months) in clients {
                byCategory[key.categorie, default: [:]][client, default: []].formUnion(months)
            }
        }
        // A product appears only with a client who arrived in it (as it always did); a care
        // type also with none (its row has figures of its own).
        return CareArrivalsByType(
            byCategory: byCategory.mapValues(arrived),
            byProduct: byProduct.compactMapValues { clients in
                let arrived = arrived(clients)
                return arrived.isEmpty ? nil : arrived
            })
    }

    /// The clients among these whose arrival falls in the period up to the peildatum.
    private func arrived(_ clients: [String: Set<Month>]) -> Set<String> {
        Set(
            clients.lazy.filter { _, months in
                arrivals.arrivals(months).contains { $0 >= period.start.month && $0 <= asOf.month }
            }.map(\.key))
    }
}
