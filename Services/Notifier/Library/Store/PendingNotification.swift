import Contracts
import Foundation
import GRDB

/// One message that is due, with the alert events it covers and their facts.
struct PendingNotification: Sendable {
    var id: Int64
    /// alert, escalation or digest.
    var kind: String
    var channel: String
    var recipientName: String
    var address: String
    var messageID: String
    var attempts: Int
    var items: [Item]

    /// One alert event in the message.
    struct Item: Sendable {
        /// firing, resolved, repeat or escalation.
        var event: String
        var firing: AlertFiring
        var resolved: AlertResolved?
    }

    static func due(_ db: Database, now: Date, limit: Int) throws -> [PendingNotification] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM notification WHERE state = 'pending' AND nextAttemptAt <= ?
                ORDER BY nextAttemptAt, id LIMIT ?
                """,
            arguments: [now.timeIntervalSince1970, limit])
        return try rows.map { row in
            PendingNotification(
                id: row["id"], kind: row["kind"], channel: row["channel"], recipientName: row["recipientName"],
                address: row["address"], messageID: row["messageID"], attempts: row["attempts"],
                items: try items(db, notificationID: row["id"]))
        }
    }

    static func items(_ db: Database, notificationID: Int64) throws -> [Item] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.event, a.firing, a.resolved FROM notificationItem i JOIN alert a ON a.id = i.alertID
                WHERE i.notificationID = ? ORDER BY i.id
                """,
            arguments: [notificationID]
        ).map { row in
            let resolved: Data? = row["resolved"]
            return Item(
                event: row["event"], firing: try AlertFiring.decoded(from: row["firing"]),
                resolved: try resolved.map { try AlertResolved.decoded(from: $0) })
        }
    }
}
