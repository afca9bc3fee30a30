import Contracts
import Foundation
import GRDB
import Storage

/// The audit per alert: every event owed to every address, the message it went out
/// in, and how that delivery went; plus who acknowledged, silenced or was escalated to.
enum NotifyLog {
    static func entries(_ db: Database, alertID: Int64?) throws -> [AlertAudit] {
        var request = NotifierAlertRecord.order(NotifierAlertRecord.Columns.id.desc)
        if let alertID { request = request.filter(NotifierAlertRecord.Columns.id == alertID) }
        let alerts = try request.fetchAll(db)
        if let alertID, alerts.isEmpty { throw NotifierError(.notFound, "melding \(alertID) is onbekend") }
        return try alerts.map { alert in
            let firing = try alert.firingEvent()
            return AlertAudit(
                alertID: alert.id, normID: alert.normID, normName: firing.norm.name, alertKind: firing.alertKind,
                threshold: firing.threshold, severity: alert.alertSeverity, state: alert.state.rawValue,
                receivedAt: alert.receivedAt, acknowledgedBy: alert.acknowledgedBy,
                acknowledgedNote: alert.acknowledgedNote, acknowledgedAt: alert.acknowledgedAt,
                silencedUntil: alert.silencedUntil, silencedBy: alert.silencedBy, escalatedAt: alert.escalatedAt,
                notifications: try notifications(db, alertID: alert.id))
        }
    }

    /// One owed event and the message it went out in, if it did.
    private struct ItemWithMessage: Decodable, TimestampedRecord {
        var event: String
        var channel: String
        var recipientName: String
        var address: String
        var createdAt: Date
        var suppressed: String?
        var notificationID: Int64?
        var messageID: String?
        var state: String?
        var attempts: Int?
        var sentAt: Date?
        var lastError: String?
    }

    static func notifications(_ db: Database, alertID: Int64) throws -> [NotificationAudit] {
        try ItemWithMessage.fetchAll(
            db,
            sql: """
                SELECT i.event, i.channel, i.recipientName, i.address, i.createdAt, i.suppressed,
                    n.id AS notificationID, n.messageID, n.state, n.attempts, n.sentAt, n.lastError
                FROM notificationItem i LEFT JOIN notification n ON n.id = i.notificationID
                WHERE i.alertID = ? ORDER BY i.id
                """,
            arguments: [alertID]
        ).map { item in
            let state = item.suppressed.map { "onderdrukt (\($0))" } ?? item.state ?? "wacht"
            return NotificationAudit(
                notificationID: item.notificationID, event: item.event, channel: item.channel,
                recipient: item.recipientName, address: item.address, messageID: item.messageID, state: state,
                attempts: item.attempts ?? 0, queuedAt: item.createdAt,
                sentAt: item.sentAt, lastError: item.lastError)
        }
    }
}
