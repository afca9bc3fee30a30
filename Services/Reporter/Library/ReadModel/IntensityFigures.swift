import Contracts
import Domain
import GRDB

/// Intensiteitsnormen in the read model: monitor's verdicts per client-month above the
/// norm (`intensity.assessed`), kept as they are last published. A norm's figure is the
/// amount that would be unlawful (structural months), by month of care.
enum IntensityFigures {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v4.intensity") { db in
            try db.execute(
                sql: """
                    CREATE TABLE intensityMonth (
                        normID INTEGER NOT NULL,
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        month TEXT NOT NULL,
                        used INTEGER NOT NULL,
                        allowed INTEGER NOT NULL,
                        above INTEGER NOT NULL,
                        amountAbove INTEGER NOT NULL,
                        structural INTEGER NOT NULL,
                        PRIMARY KEY (normID, aanbieder, client, month)
                    ) WITHOUT ROWID
                    """)
        }
    }

    static func apply(_ db: Database, _ event: IntensityAssessed) throws {
        guard event.verdict.above > 0 else {
            try db.execute(
                sql: "DELETE FROM intensityMonth WHERE normID = ? AND aanbieder = ? AND client = ? AND month = ?",
                arguments: [event.normID, event.aanbieder, event.client, event.month.description])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO intensityMonth (normID, aanbieder, client, month, used, allowed, above, amountAbove, structural)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET used = excluded.used, allowed = excluded.allowed, above = excluded.above,
                    amountAbove = excluded.amountAbove, structural = excluded.structural
                """,
            arguments: [
                event.normID, event.aanbieder, event.client, event.month.description, event.used,
                event.verdict.allowed, event.verdict.above, event.verdict.amountAboveCents, event.verdict.structural,
            ])
    }

    /// The unlawful amount by month of care.
    static func unlawfulByMonth(_ db: Database, normID: Int64) throws -> [Month: Int64] {
        var result: [Month: Int64] = [:]
        for row in try MonthSum.fetchAll(
            db,
            sql: """
                SELECT month, SUM(amountAbove) AS cents FROM intensityMonth
                WHERE normID = ? AND structural = 1 GROUP BY month
                """,
            arguments: [normID])
        {
            if let month = Month(row.month) { result[month] = row.cents }
        }
        return result
    }

    /// Client-months above the norm, and how many of them are structural.
    static func monthsAbove(_ db: Database, normID: Int64) throws -> (all: Int64, structural: Int64) {
        let counts = try MonthsAbove.fetchOne(
            db,
            sql: "SELECT COUNT(*) AS n, COALESCE(SUM(structural), 0) AS s FROM intensityMonth WHERE normID = ?",
            arguments: [normID])
        return (counts?.n ?? 0, counts?.s ?? 0)
    }

    /// The unlawful amount of one month of care (`month` as `YYYY-MM`).
    private struct MonthSum: Decodable, FetchableRecord {
        var month: String
        var cents: Int64
    }

    /// Client-months above the norm (`n`), of which structural (`s`).
    private struct MonthsAbove: Decodable, FetchableRecord {
        var n: Int64
        var s: Int64
    }
}
