import Contracts
import Domain
import GRDB
import Storage

/// An instroomtarget's value: the clients arriving in its scope and period
/// (`BatchCareMonths`), kept per month in `normMonth` as a money norm's spend is, so the same
/// run-rate forecast projects the count to the end of the period and the stop advice can
/// come before the target is exceeded.
enum InflowCount {
    static func recount(_ db: Database, norm: NormDefinition, arrivals: CareArrivals) throws -> Int64 {
        let byMonth = try CareMonths.arrivalsByMonth(
            db, norm: norm, arrivals: arrivals, table: VolumeCellRecord.databaseTableName)
        try db.cachedStatement(sql: "DELETE FROM normMonth WHERE normID = ?").execute(arguments: [norm.id])
        for (month, count) in byMonth {
            try db.cachedStatement(
                sql: "INSERT INTO normMonth (normID, month, value) VALUES (?, ?, ?)"
            ).execute(arguments: [norm.id, month.description, count])
        }
        let total = byMonth.values.reduce(0, +)
        try db.cachedStatement(sql: "UPDATE norm SET value = ? WHERE id = ?").execute(arguments: [total, norm.id])
        return total
    }

    /// Consumers count an instroomtarget per client from its months (`BatchLedger`), so the
    /// months must be right before the first line: in a store from before 0.18.0 (0.16's
    /// targets had none) or after `instroom_gap_months` changed, every active target is
    /// counted afresh from the months of care, once, at start.
    static func settle(_ db: Database, norms: [NormDefinition], arrivals: CareArrivals) throws {
        let counted = try Int.fetchOne(db, sql: "SELECT gapMonths FROM instroomCounting")
        guard counted != arrivals.gapMonths else { return }
        for norm in norms where norm.kind == .instroomtarget && !norm.ended {
            _ = try recount(db, norm: norm, arrivals: arrivals)
        }
        try db.execute(sql: "DELETE FROM instroomCounting")
        try db.execute(sql: "INSERT INTO instroomCounting (gapMonths) VALUES (?)", arguments: [arrivals.gapMonths])
    }

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        // The gap the stored counts were made with; empty until the first start counts them.
        migrator.registerMigration("monitor.v3.instroomCounting") { db in
            try db.execute(sql: "CREATE TABLE instroomCounting (gapMonths INTEGER NOT NULL)")
        }
    }
}
