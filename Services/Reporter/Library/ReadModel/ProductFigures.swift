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

/// A product's declared clients over the period so far, summed by SQLite per client first.
struct ProductTallyRow: FetchableRecord {
    var key: ProductKey
    /// Clients whose period's cents are above zero, those of them in the stand's month, and
    /// the debits minus credits of all.
    var active: Int
    var stand: Int
    var cents: Int64

    init(row: Row) throws {
        key = ProductKey(categorie: row[0], product: row[1])
        active = row[2]
        stand = row[3]
        cents = row[4]
    }
}

extension IndicatorQuery {
    /// Per category, its products in code order.
    /// `inflow` is `careArrivals().byProduct`.
    func productsByCategory(standMonth: String?, inflow: [ProductKey: Int]) throws -> [String: [Indicators.Product]] {
        // Counted by SQLite, client by client: a country's clients never in memory (`ClientTally`).
        var declared: [ProductKey: ProductTallyRow] = [:]
        for row in try ProductTallyRow.fetchAll(
            db,
            sql: """
                SELECT categorie, productCode, SUM(c > 0), SUM(c > 0 AND s), SUM(c) FROM (
                    SELECT categorie, productCode, client, SUM(cents) AS c, MAX(month = ? AND cents > 0) AS s
                    FROM clientProductMonth WHERE month BETWEEN ? AND ?\(gemeenteClause)
                    GROUP BY categorie, productCode, client)
                GROUP BY categorie, productCode
                """,
            arguments: arguments([standMonth ?? "", period.start.month.description, asOf.month.description]))
        {
            declared[row.key] = row
        }
        // The product of an ended trajectory is its start's (JW307 names no product).
        var outflow: [ProductKey: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.categorie, COALESCE(s.productCode, ''), COUNT(DISTINCT e.client)
                FROM careEnd e LEFT JOIN careStart s ON s.aanbieder = e.aanbieder AND s.gemeente = e.gemeente
                    AND s.toewijzingNummer = e.toewijzingNummer AND s.begindatum = e.begindatum
                WHERE e.einddatum BETWEEN ? AND ?
                """ + area.sqlClause(column: "e.gemeente") + " GROUP BY 1, 2",
            arguments: arguments([from, to]))
        {
            outflow[ProductKey(categorie: row[0], product: row[1])] = row[2]
        }
        let keys = Set(declared.keys).union(inflow.keys).union(outflow.keys)
        var result: [String: [Indicators.Product]] = [:]
        for key in keys.sorted(by: { ($0.categorie, $0.product) < ($1.categorie, $1.product) }) {
            let tally = declared[key]
            result[key.categorie, default: []].append(
                Indicators.Product(
                    code: key.product, instroom: PublishedCount.text(Int64(inflow[key] ?? 0)),
                    uitstroom: PublishedCount.text(Int64(outflow[key] ?? 0)),
                    stand: PublishedCount.text(Int64(tally?.stand ?? 0)),
                    uniekeClienten: PublishedCount.text(Int64(tally?.active ?? 0)), kosten: tally?.cents ?? 0))
        }
        return result
    }
}
