import GRDB
import Storage
import Testing

@testable import MonitorService

/// Every statement monitor runs per line (or per line and norm) finds its rows through an
/// index that matches all of its equality terms: never a scan of the table, never a search
/// on a prefix of them (the cause of issue 21: a look-up of a client at a provider searched
/// by provider alone, 8 ms a line with 60,000 clients per provider).
@Suite struct PerLineQueryPlanTests {
    /// The statement and the columns its WHERE pins with `=`.
    static let perLine: [(sql: String, columns: [String])] = [
        (BatchCareMonths.careAtProviderSQL, ["aanbieder", "client"]),
        (BatchCareMonths.knownSQL, ["aanbieder", "client", "month", "gemeente", "categorie", "productCode"]),
        (IntensityMonthRecord.clientMonthsSQL, ["normID", "aanbieder", "client"]),
        (IntensityMonthRecord.deleteSQL, ["normID", "aanbieder", "client", "month"]),
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

    /// What is wrong with a plan for a statement pinning `columns`: empty when it is right.
    static func problems(_ details: [String], columns: [String]) -> [String] {
        let searches = details.filter { $0.hasPrefix("SEARCH") }
        var problems: [String] = []
        // `SELECT EXISTS (…)` reads one constant row around its search: not a table scan.
        if details.contains(where: { $0.hasPrefix("SCAN") && $0 != "SCAN CONSTANT ROW" }) { problems.append("scan") }
        if searches.count != 1 { problems.append("\(searches.count) searches") }
        for column in columns where searches.first?.contains("\(column)=?") != true {
            problems.append("not by \(column)")
        }
        return problems
    }

    @Test(arguments: perLine.indices)
    func aPerLineStatementSearchesByAllItsEqualityTerms(_ index: Int) throws {
        let (sql, columns) = Self.perLine[index]
        let database = try MonitorDatabase.inMemory()
        let details = try database.writer.read { try Self.details($0, sql) }
        #expect(Self.problems(details, columns: columns).isEmpty, "\(sql): \(details)")
    }

    /// The check itself: a look-up by a column the key does not start with is a scan, and
    /// one by the key's first column alone a prefix search; both are caught.
    @Test func theCheckCatchesAScanAndAPrefixSearch() throws {
        let database = try MonitorDatabase.inMemory()
        let (scan, prefix) = try database.writer.read { db in
            (
                try Self.details(db, "SELECT month FROM clientVolumeCell WHERE client = ?"),
                try Self.details(db, "SELECT month FROM clientVolumeCell WHERE aanbieder = ? AND gemeente = ?")
            )
        }
        #expect(Self.problems(scan, columns: ["client"]).contains("scan"), "\(scan)")
        #expect(Self.problems(prefix, columns: ["aanbieder", "gemeente"]) == ["not by gemeente"], "\(prefix)")
    }
}
