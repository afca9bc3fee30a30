import Contracts
import Foundation
import GRDB

/// One notification that is due, with the alert facts needed to render it.
struct PendingNotification: Sendable {
    var id: Int64
    var alertID: Int64
    var event: String
    var channel: String
    var recipientName: String
    var address: String
    var messageID: String
    var attempts: Int
    var firing: AlertFiring
    var resolved: AlertResolved?

    static func due(_ db: Database, now: Date, limit: Int) throws -> [PendingNotification] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT n.*, a.firing, a.resolved FROM notification n JOIN alert a ON a.id = n.alertID
                WHERE n.state = 'pending' AND n.nextAttemptAt <= ? ORDER BY n.nextAttemptAt, n.id LIMIT ?
                """,
            arguments: [now.timeIntervalSince1970, limit])
        return try rows.map { row in
            let resolvedData: Data? = row["resolved"]
            return PendingNotification(
                id: row["id"], alertID: row["alertID"], event: row["event"], channel: row["channel"],
                recipientName: row["recipientName"], address: row["address"], messageID: row["messageID"],
                attempts: row["attempts"], firing: try AlertFiring.decoded(from: row["firing"]),
                resolved: try resolvedData.map { try AlertResolved.decoded(from: $0) })
        }
    }

    /// The earliest moment any pending notification is due, to sleep until then.
    static func nextDue(_ db: Database) throws -> Date? {
        try Double.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM notification WHERE state = 'pending'")
            .map { Date(timeIntervalSince1970: $0) }
    }
}
