import GRDB
import Testing

@testable import ReporterService

/// One gemeente's (or regio's) indicators read that area's rows through an index, not
/// the whole country's: the query planner's own account of the indicator queries' shapes.
@Suite struct AreaIndexTests {
    /// A query as `IndicatorQuery` runs it: its text up to the area clause, the arguments
    /// bound before the area's gemeenten, what follows the clause, and the index expected.
    struct Shape: Sendable, CustomTestStringConvertible {
        var query: String
        var arguments: [String] = ["2026-01", "2026-12"]
        var suffix = ""
        var index: String
        var testDescription: String { index }
    }

    @Test(arguments: [
        Shape(
            query:
                "SELECT client, categorie, SUM(cents), SUM(volume), MAX(month = ? AND cents > 0) FROM clientMonth WHERE month BETWEEN ? AND ?",
            arguments: ["2026-12", "2026-01", "2026-12"], suffix: " GROUP BY client, categorie ORDER BY client",
            index: "clientMonthByArea"),
        Shape(
            query: "SELECT categorie, client, MIN(firstDay) FROM clientFirstSeen WHERE 1", arguments: [],
            index: "clientFirstSeenByArea"),
        Shape(
            query: "SELECT categorie, COUNT(DISTINCT client) FROM careEnd WHERE einddatum BETWEEN ? AND ?",
            suffix: " GROUP BY categorie", index: "careEndByArea"),
        Shape(
            query: "SELECT verwijzerType, COUNT(*) FROM referral WHERE day BETWEEN ? AND ?", index: "referralByArea"),
        // The council's figures (`ProductFigures`, `CareArrivalsByType`, units), read from the index alone.
        Shape(
            query:
                "SELECT categorie, productCode, client, SUM(cents) AS c, MAX(month = ? AND cents > 0) AS s FROM clientProductMonth WHERE month BETWEEN ? AND ?",
            arguments: ["2026-12", "2026-01", "2026-12"], suffix: " GROUP BY categorie, productCode, client",
            index: "COVERING INDEX clientProductMonthByArea"),
        Shape(
            query: "SELECT client, categorie, productCode, month FROM clientCareMonth WHERE month BETWEEN ? AND ?",
            suffix: " ORDER BY client", index: "COVERING INDEX clientCareMonthByArea"),
        Shape(
            query:
                "SELECT client, categorie, eenheid, SUM(volume) AS v FROM clientMonthUnit WHERE month BETWEEN ? AND ?",
            suffix: " GROUP BY client, categorie, eenheid HAVING v != 0 ORDER BY client",
            index: "COVERING INDEX clientMonthUnitByArea"),
    ])
    func areaQueriesUseTheAreaIndex(shape: Shape) throws {
        let database = try ReporterDatabase.inMemory()
        for area in [ReportArea.gemeente("0268"), .regio(name: "Holland Rijnland", gemeenten: ["0268", "0344"])] {
            let plan = try database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + shape.query + area.sqlClause(column: "gemeente") + shape.suffix,
                    arguments: StatementArguments(shape.arguments + (area.gemeenten ?? []))
                ).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains(shape.index) }, "\(area.label): \(plan)")
        }
    }
}
