import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Reading and writing norms in monitor's store.
extension MonitorDatabase {
    static func loadNorms(_ db: Database) throws -> [NormDefinition] {
        try NormDefinitionTables.all(db)
    }

    static func normValue(_ db: Database, normID: Int64) throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT value FROM norm WHERE id = ?"), arguments: [normID]) ?? 0
    }

    /// Every norm's value by id, for the ledger's state at start.
    static func normValues(_ db: Database) throws -> [Int64: Int64] {
        var values: [Int64: Int64] = [:]
        let rows = try NormValue.fetchCursor(db, sql: "SELECT id, value FROM norm")
        while let norm = try rows.next() { values[norm.id] = norm.value }
        return values
    }

    static func history(_ db: Database, normID: Int64) throws -> [NormHistoryEntry] {
        try NormHistoryRecord.fetchAll(
            try db.cachedStatement(sql: "SELECT * FROM normHistory WHERE normID = ? ORDER BY version"),
            arguments: [normID]
        ).map { try $0.entry() }
    }

    static func nextNormID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(try db.cachedStatement(sql: "SELECT MAX(id) FROM norm")) ?? 0) + 1
    }

    /// Stores a new version of a norm, keeps the history and publishes `norm.changed`.
    static func saveNorm(
        _ db: Database, _ norm: NormDefinition, change: NormChanged.Change, by: String?, at date: Date
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO norm (id, version, ended) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, ended = excluded.ended
                """
        ).execute(arguments: [norm.id, norm.version, norm.ended])
        try NormDefinitionTables.save(db, norm)
        // The history keeps each version whole, as JSON: it shows what was saved then.
        let definition = try JSONCoding.encoder().encode(norm)
        try db.cachedStatement(
            sql:
                "INSERT INTO normHistory (normID, version, change, definition, changedBy, changedAt) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [norm.id, norm.version, change.rawValue, definition, by, date.formatted(.iso8601)])
        let event = NormChanged(change: change, norm: norm, by: by, at: date)
        try Outbox.append(db, event, at: date)
    }

    /// Recomputes a norm's ledger from the spend cells: used once when a norm is added or
    /// its scope or period changes, never per line.
    static func rebuildLedger(
        _ db: Database, for norm: NormDefinition, arrivals: CareArrivals, now: Date
    ) throws -> Int64 {
        try db.cachedStatement(sql: "DELETE FROM normMonth WHERE normID = ?").execute(arguments: [norm.id])
        if norm.kind == .intensiteitsnorm {
            try DurationLedger.rebuild(db, norm: norm, arrivals: arrivals, now: now)
            return try IntensityLedger.rebuild(db, norm: norm, now: now)
        }
        if norm.kind == .instroomtarget {
            return try InflowCount.recount(db, norm: norm, arrivals: arrivals)
        }
        let byMonth = try SpendCells.byMonth(db, norm: norm)
        for (month, value) in byMonth {
            try db.cachedStatement(
                sql: "INSERT INTO normMonth (normID, month, value) VALUES (?, ?, ?)"
            ).execute(arguments: [norm.id, month.description, value])
        }
        let total = byMonth.values.reduce(0, +)
        try db.cachedStatement(sql: "UPDATE norm SET value = ? WHERE id = ?").execute(arguments: [total, norm.id])
        return total
    }

    /// The norm's run-rate forecast from its ledger by month of care.
    static func forecast(
        _ db: Database, norm: NormDefinition, today: Day, settings: RunRateForecast.Settings
    ) throws -> RunRateForecast? {
        var byMonth: [Month: Int64] = [:]
        for row in try NormMonthRecord.forNorm(db, normID: norm.id) {
            if let month = Month(row.month) { byMonth[month] = row.value }
        }
        return RunRateForecast.make(
            byMonth: byMonth, period: norm.period, limit: norm.limit, today: today, settings: settings)
    }
}

/// A norm's ledger value (`norm.value`), read for every norm at start.
private struct NormValue: Decodable, FetchableRecord {
    var id: Int64
    var value: Int64
}
