import GRDB
import Storage
import Testing

@testable import MonitorService

/// Every statement monitor runs per line (or per line and norm) finds its rows through an
/// index that matches all of its equality terms: never a scan of the table, never a search
/// on a prefix of them (the cause of issue 21: `known` searched by provider alone, 8 ms a
/// line with 60,000 clients per provider).
@Suite struct PerLineQueryPlanTests {
    /// The statement and the columns its WHERE pins with `=`.
    static let perLine: [(sql: String, columns: [String])] = [
        (InflowLedger.knownSQL, ["aanbieder", "client"]),
        (InflowLedger.sightingsSQL, ["client"]),
        (IntensityLedger.clientMonthsSQL, ["normID", "aanbieder", "client"]),
        (IntensityLedger.verdictSQL, ["normID", "aanbieder", "client", "month"]),
        (IntensityLedger.emptyMonthsSQL, ["normID", "aanbieder", "client"]),
        (StopBook.exemptionSQL, ["toewijzingNummer"]),
        (StopBook.referrerSQL, ["aanbieder", "client"]),
        // The norm's value, once per touched norm and batch: by its integer key.
        (BatchLedger.valueSQL, ["rowid"]),
    ]

    /// The plan's steps, with NULL for every parameter (the plan does not depend on them).
    static func details(_ db: Database, _ sql: String) throws -> [String] {
        let nulls = StatementArguments(
            Array(repeating: DatabaseValue.null, count: sql.filter { $0 == "?" }.count))
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: nulls).map { $0[3] as String }
    }

    @Test(arguments: perLine.indices)
    func aPerLineStatementSearchesByAllItsEqualityTerms(_ index: Int) throws {
        let (sql, columns) = Self.perLine[index]
        let database = try MonitorDatabase.inMemory()
        let details = try database.writer.read { try Self.details($0, sql) }
        let searches = details.filter { $0.hasPrefix("SEARCH") }
        // `SELECT EXISTS (…)` reads one constant row around its search: not a table scan.
        #expect(!details.contains { $0.hasPrefix("SCAN") && $0 != "SCAN CONSTANT ROW" }, "\(sql): \(details)")
        #expect(searches.count == 1, "\(sql): \(details)")
        for column in columns {
            #expect(searches.first?.contains("\(column)=?") == true, "\(sql) searches by a prefix only: \(details)")
        }
    }

    /// The check itself: the look-up that was slow, against the key it used to have.
    @Test func thePrimaryKeyAloneServesKnownByProviderOnly() throws {
        let database = try MonitorDatabase.inMemory()
        let details = try database.writer.write { db in
            try db.execute(sql: "DROP INDEX clientFirstSeenByClient")
            return try Self.details(db, InflowLedger.knownSQL)
        }
        #expect(details.contains { $0.contains("aanbieder=?") && !$0.contains("client=?") }, "\(details)")
    }
}
