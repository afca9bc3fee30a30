import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The duration norm (`IntensityMeasure.maxMonths`): a client in care at a provider for
/// more months than the norm, counted from the arrival there by the gap rule
/// (`CareArrivals.monthsInCare`, as the report's duration signal counts), is signalled
/// once per norm, client and arrival (`care.duration.above`): a signal for the
/// analysegesprek, never a verdict. Judged from the client's months of care at the
/// provider (`BatchCareMonths`), read by key when a line or start adds a month.
enum DurationLedger {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v19.durationSignal") { db in
            try db.execute(
                sql: """
                    CREATE TABLE durationSignal (
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        arrival TEXT NOT NULL,
                        months INTEGER NOT NULL,
                        signalledAt TEXT NOT NULL CHECK (\(Timestamp.sqlCheck("signalledAt"))),
                        PRIMARY KEY (normID, aanbieder, client, arrival)
                    ) WITHOUT ROWID
                    """)
        }
    }

    /// One client's months at one provider against the norm: for each arrival, the first
    /// month of care in the norm's period beyond `maxMonths` is signalled, once.
    static func check(
        _ db: Database, norm: NormDefinition, aanbieder: String, client: String, care: [CareMonths.CareMonth],
        arrivals: CareArrivals, now: Date
    ) throws {
        guard let limit = norm.intensity?.maxMonths else { return }
        let months = Set(care.lazy.filter { $0.inScope(of: norm, aanbieder: aanbieder) }.map(\.month))
        var judged: Set<Month> = []
        for month in months.sorted() where norm.period.contains(month.firstDay) {
            guard let length = arrivals.monthsInCare(months, at: month), length > limit,
                let arrival = arrivals.arrivals(months.filter { $0 <= month }).last,
                judged.insert(arrival).inserted
            else { continue }
            try db.cachedStatement(sql: insertSQL).execute(
                arguments: [norm.id, aanbieder, client, arrival.description, length, Timestamp.iso8601(now)])
            guard db.changesCount > 0 else { continue }  // signalled before
            try Outbox.append(
                db,
                CareDurationAbove(
                    normID: norm.id, aanbieder: aanbieder, client: client, arrival: arrival, months: length,
                    limit: limit, at: now),
                at: now)
        }
    }

    /// A norm added or changed: every client at every provider in reach is judged once
    /// (an admin command, never the line path); a client signalled before is not again.
    static func rebuild(_ db: Database, norm: NormDefinition, arrivals: CareArrivals, now: Date) throws {
        guard norm.intensity?.maxMonths != nil else { return }
        var sql = "SELECT DISTINCT aanbieder, client FROM clientVolumeCell"
        var arguments: StatementArguments = []
        if let aanbieder = norm.scope.aanbieder {
            sql += " WHERE aanbieder = ?"
            arguments = [aanbieder]
        }
        for pair in try ClientAtProvider.fetchAll(db, sql: sql, arguments: arguments) {
            try check(
                db, norm: norm, aanbieder: pair.aanbieder, client: pair.client,
                care: try BatchCareMonths.stored(db, aanbieder: pair.aanbieder, client: pair.client),
                arrivals: arrivals, now: now)
        }
    }

    private struct ClientAtProvider: Decodable, FetchableRecord {
        var aanbieder: String
        var client: String
    }

    static let insertSQL = """
        INSERT INTO durationSignal (normID, aanbieder, client, arrival, months, signalledAt) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """
}
