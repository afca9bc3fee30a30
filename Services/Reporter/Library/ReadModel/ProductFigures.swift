import Domain
import GRDB

/// Instroom, uitstroom and stand per product within each care type: a council asks what
/// grew inside "jeugdhulp ambulant", not only that it grew. Counted as the care type's
/// figures are, so a product's counts never disagree with their care type's rules.
/// A care type and product: the key of the per-product figures.
struct ProductKey: Hashable {
    var categorie: String
    var product: String
}

extension IndicatorQuery {
    /// Per category, its products in code order.
    /// `inflow` is `careArrivals().byProduct`.
    func productsByCategory(
        standMonth: String?, inflow: [ProductKey: Set<String>]
    ) throws -> [String: [Indicators.Product]] {
        var declared: [ProductKey: [String: (cents: Int64, inStand: Bool)]] = [:]
        for row in try ProductMonthRow.fetchAll(
            db,
            sql: """
                SELECT categorie, productCode, month, client, cents FROM clientProductMonth
                WHERE month BETWEEN ? AND ?
                """ + gemeenteClause,
            arguments: arguments([period.start.month.description, asOf.month.description]))
        {
            let key = ProductKey(categorie: row.categorie, product: row.productCode)
            let client = row.client
            let cents = row.cents
            var entry = declared[key, default: [:]][client] ?? (0, false)
            entry.cents += cents
            if row.month == standMonth && cents > 0 { entry.inStand = true }
            declared[key, default: [:]][client] = entry
        }
        // The product of an ended trajectory is its start's (JW307 names no product).
        var outflow: [ProductKey: Set<String>] = [:]
        for row in try ProductEndRow.fetchAll(
            db,
            sql: """
                SELECT e.categorie AS categorie, COALESCE(s.productCode, '') AS productCode, e.client AS client
                FROM careEnd e LEFT JOIN careStart s ON s.aanbieder = e.aanbieder AND s.gemeente = e.gemeente
                    AND s.toewijzingNummer = e.toewijzingNummer AND s.begindatum = e.begindatum
                WHERE e.einddatum BETWEEN ? AND ?
                """ + area.sqlClause(column: "e.gemeente"),
            arguments: arguments([from, to]))
        {
            outflow[ProductKey(categorie: row.categorie, product: row.productCode), default: []].insert(row.client)
        }
        let keys = Set(declared.keys).union(inflow.keys).union(outflow.keys)
        var result: [String: [Indicators.Product]] = [:]
        for key in keys.sorted(by: { ($0.categorie, $0.product) < ($1.categorie, $1.product) }) {
            let clients = declared[key] ?? [:]
            let active = clients.filter { $0.value.cents > 0 }
            result[key.categorie, default: []].append(
                Indicators.Product(
                    code: key.product, instroom: PublishedCount.text(Int64(inflow[key]?.count ?? 0)),
                    uitstroom: PublishedCount.text(Int64(outflow[key]?.count ?? 0)),
                    stand: PublishedCount.text(Int64(active.values.filter(\.inStand).count)),
                    uniekeClienten: PublishedCount.text(Int64(active.count)),
                    kosten: clients.values.reduce(0) { $0 + $1.cents }))
        }
        return result
    }
}
