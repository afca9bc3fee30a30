import Contracts
import Foundation
import GRDB
import Storage

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
        // Through SQL, not the query interface: the index notificationDue serves exactly
        // this query (`Timestamp` text orders as time does).
        let due = try NotificationRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM notification WHERE state = 'pending' AND nextAttemptAt <= ?
                ORDER BY nextAttemptAt, id LIMIT ?
                """,
            arguments: [Timestamp.iso8601(now), limit])
        return try due.map { notification in
            PendingNotification(
                id: notification.id, kind: notification.kind.rawValue, channel: notification.channel,
                recipientName: notification.recipientName, address: notification.address,
                messageID: notification.messageID, attempts: notification.attempts,
                items: try items(db, notificationID: notification.id))
        }
    }

    /// An owed event with its alert's bodies.
    private struct ItemBodies: Decodable, FetchableRecord {
        var event: NotificationItemRecord.Event
        var firing: Data
        var resolved: Data?
    }

    static func items(_ db: Database, notificationID: Int64) throws -> [Item] {
        try ItemBodies.fetchAll(
            db,
            sql: """
                SELECT i.event, a.firing, a.resolved FROM notificationItem i JOIN alert a ON a.id = i.alertID
                WHERE i.notificationID = ? ORDER BY i.id
                """,
            arguments: [notificationID]
        ).map { row in
            Item(
                event: row.event.rawValue, firing: try AlertFiring.decoded(from: row.firing),
                resolved: try row.resolved.map { try AlertResolved.decoded(from: $0) })
        }
    }
}
