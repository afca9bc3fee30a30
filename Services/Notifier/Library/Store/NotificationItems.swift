import Foundation
import GRDB
import Storage

/// Alert events owed to an address, waiting for their group to become one message.
enum NotificationItems {
    /// Queues one item; a firing or resolved item for the same address is queued once,
    /// so a replayed event owes nothing new.
    static func queue(
        _ db: Database, alertID: Int64, event: String, to destination: AlertRouter.Destination, now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO notificationItem
                    (alertID, event, channel, recipientName, address, groupKey, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                alertID, event, destination.channel, destination.recipientName, destination.address,
                destination.groupKey, Timestamp.iso8601(now),
            ])
    }

    /// Everyone who was (or will be) told an alert fired: they also hear it resolved.
    static func firingDestinations(_ db: Database, alertID: Int64) throws -> [AlertRouter.Destination] {
        try AlertRouter.Destination.fetchAll(
            db,
            sql: """
                SELECT DISTINCT channel, recipientName, address, groupKey FROM notificationItem
                WHERE alertID = ? AND event = 'firing' ORDER BY id
                """,
            arguments: [alertID])
    }
}

/// A destination read back from the items it was owed (the columns have its names).
extension AlertRouter.Destination: FetchableRecord {}
