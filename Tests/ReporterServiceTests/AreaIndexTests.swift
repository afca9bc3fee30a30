import GRDB
import Testing

@testable import ReporterService

/// One gemeente's (or regio's) indicators read that area's rows through an index, not
/// the whole country's: the query planner's own account of the indicator queries' shapes.
@Suite struct AreaIndexTests {
    @Test(arguments: [
        (
            "SELECT categorie, month, client, cents, volume FROM clientMonth WHERE month BETWEEN ? AND ?",
            "clientMonthByArea"
        ),
        ("SELECT categorie, client, MIN(firstDay) FROM clientFirstSeen WHERE 1", "clientFirstSeenByArea"),
        ("SELECT categorie, client FROM careEnd WHERE einddatum BETWEEN ? AND ?", "careEndByArea"),
        ("SELECT verwijzerType, COUNT(*) FROM referral WHERE day BETWEEN ? AND ?", "referralByArea"),
        // The council's figures (`ProductFigures`, `Indicators`), read from the index alone.
        (
            "SELECT categorie, productCode, month, client, cents FROM clientProductMonth WHERE month BETWEEN ? AND ?",
            "COVERING INDEX clientProductMonthByArea"
        ),
        (
            "SELECT DISTINCT categorie, productCode, client, month FROM clientCareMonth WHERE month BETWEEN ? AND ?",
            "COVERING INDEX clientCareMonthByArea"
        ),
        (
            "SELECT DISTINCT categorie, client, month FROM clientCareMonth WHERE month BETWEEN ? AND ?",
            "COVERING INDEX clientCareMonthByArea"
        ),
        (
            "SELECT categorie, eenheid, client, SUM(volume) AS volume FROM clientMonthUnit WHERE month BETWEEN ? AND ?",
            "COVERING INDEX clientMonthUnitByArea"
        ),
    ])
    func areaQueriesUseTheAreaIndex(query: String, index: String) throws {
        let database = try ReporterDatabase.inMemory()
        for area in [ReportArea.gemeente("0268"), .regio(name: "Holland Rijnland", gemeenten: ["0268", "0344"])] {
            let range: [String] = query.contains("BETWEEN") ? ["2026-01", "2026-12"] : []
            let plan = try database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + query + area.sqlClause(column: "gemeente"),
                    arguments: StatementArguments(range + (area.gemeenten ?? []))
                ).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains(index) }, "\(area.label): \(plan)")
        }
    }
}
