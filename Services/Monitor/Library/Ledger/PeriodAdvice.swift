import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The previous-period advice: a signaalplafond exceeded by more than the margin in a
/// period that has ended advises a bestedingsruimte for the next one
/// (`bestedingsruimte.advised`), once per norm. Checked when a line for the norm arrives
/// (late declarations for the ended period), when the norm changes, and at start.
enum PeriodAdvice {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v5.periodAdvice") { db in
            try db.execute(
                sql: """
                    CREATE TABLE periodAdvice (
                        normID INTEGER PRIMARY KEY REFERENCES norm(id),
                        value INTEGER NOT NULL,
                        advisedAt TEXT NOT NULL
                    )
                    """)
        }
    }

    static func check(_ db: Database, norm: NormDefinition, value: Int64, marginPercent: Int, now: Date) throws {
        guard try !advised(db, normID: norm.id) else { return }
        _ = try give(db, norm: norm, value: value, marginPercent: marginPercent, today: Day.today(now: now), now: now)
    }

    /// The same with whether it was given at hand (in memory): the store is read only when
    /// it is given.
    static func check(
        _ db: Database, state: inout NormState, value: Int64, marginPercent: Int, today: Day, now: Date
    ) throws {
        guard !state.periodAdvised else { return }
        state.periodAdvised = try give(
            db, norm: state.norm, value: value, marginPercent: marginPercent, today: today, now: now)
    }

    /// Gives the advice if it applies; whether it did.
    private static func give(
        _ db: Database, norm: NormDefinition, value: Int64, marginPercent: Int, today: Day, now: Date
    ) throws -> Bool {
        guard BestedingsruimteAdvised.applies(norm: norm, value: value, marginPercent: marginPercent, today: today)
        else { return false }
        try db.cachedStatement(
            sql: "INSERT INTO periodAdvice (normID, value, advisedAt) VALUES (?, ?, ?)"
        ).execute(arguments: [norm.id, value, now.formatted(.iso8601)])
        let event = BestedingsruimteAdvised(norm: norm, value: value, marginPercent: marginPercent, at: now)
        try Outbox.append(db, event, at: now)
        return true
    }

    static func advised(_ db: Database, normID: Int64) throws -> Bool {
        try Int.fetchOne(
            try db.cachedStatement(sql: "SELECT 1 FROM periodAdvice WHERE normID = ?"), arguments: [normID]) != nil
    }

    static func advisedNorms(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT normID FROM periodAdvice")
    }

    /// Every signaalplafond whose period has ended, at start: the year may have turned
    /// while no line arrived.
    static func sweep(_ db: Database, norms: [NormDefinition], marginPercent: Int, now: Date) throws {
        for norm in norms where norm.kind == .signaalplafond {
            try check(
                db, norm: norm, value: try MonitorDatabase.normValue(db, normID: norm.id),
                marginPercent: marginPercent, now: now)
        }
    }
}
