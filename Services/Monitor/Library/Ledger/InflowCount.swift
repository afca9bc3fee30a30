import Contracts
import Domain
import GRDB
import Storage

/// An instroomtarget's value: the clients arriving in its scope and period
/// (`CareMonths`), kept per month in `normMonth` as a money norm's spend is, so the same
/// run-rate forecast projects the count to the end of the period and the stop advice can
/// come before the target is exceeded.
enum InflowCount {
    static func recount(_ db: Database, norm: NormDefinition, arrivals: CareArrivals) throws -> Int64 {
        let byMonth = try CareMonths.arrivalsByMonth(db, norm: norm, arrivals: arrivals)
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
}
