import Contracts
import Foundation
import GRDB

/// The audit per alert: every event owed to every address, the message it went out
/// in, and how that delivery went; plus who acknowledged, silenced or was escalated to.
enum NotifyLog {
    static func entries(_ db: Database, alertID: Int64?) throws -> [AlertAudit] {
        let alerts = try Row.fetchAll(
            db,
            sql: "SELECT * FROM alert \(alertID == nil ? "" : "WHERE id = ?") ORDER BY id DESC",
            arguments: alertID.map { [$0] } ?? [])
        if let alertID, alerts.isEmpty { throw NotifierError("melding \(alertID) is onbekend") }
        return try alerts.map { row in
            let firing = try AlertFiring.decoded(from: row["firing"])
            return AlertAudit(
                alertID: row["id"], normID: row["normID"], normName: firing.norm.name, alertKind: firing.alertKind,
                threshold: firing.threshold, severity: AlertSeverity(rawValue: row["severity"]) ?? .laag,
                state: row["state"], receivedAt: Date(timeIntervalSince1970: row["receivedAt"]),
                acknowledgedBy: row["acknowledgedBy"], acknowledgedNote: row["acknowledgedNote"],
                acknowledgedAt: date(row["acknowledgedAt"]), silencedUntil: date(row["silencedUntil"]),
                silencedBy: row["silencedBy"], escalatedAt: date(row["escalatedAt"]),
                notifications: try notifications(db, alertID: row["id"]))
        }
    }

    static func notifications(_ db: Database, alertID: Int64) throws -> [NotificationAudit] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.event, i.channel, i.recipientName, i.address, i.createdAt, i.suppressed,
                    n.id AS notificationID, n.messageID, n.state, n.attempts, n.sentAt, n.lastError
                FROM notificationItem i LEFT JOIN notification n ON n.id = i.notificationID
                WHERE i.alertID = ? ORDER BY i.id
                """,
            arguments: [alertID]
        ).map { row in
            let sentAt: String? = row["sentAt"]
            let state: String =
                (row["suppressed"] as String?).map { "onderdrukt (\($0))" } ?? (row["state"] as String?) ?? "wacht"
            return NotificationAudit(
                notificationID: row["notificationID"], event: row["event"], channel: row["channel"],
                recipient: row["recipientName"], address: row["address"], messageID: row["messageID"], state: state,
                attempts: row["attempts"] ?? 0, queuedAt: Date(timeIntervalSince1970: row["createdAt"]),
                sentAt: sentAt.flatMap { try? Date($0, strategy: .iso8601) }, lastError: row["lastError"])
        }
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map(Date.init(timeIntervalSince1970:))
    }
}
