import Contracts
import Foundation
import GRDB
import Logging
import Storage

/// Stores what one delivery attempt did: the attempt itself, the notification's new
/// state or next try, and, when it is final, the `notification.sent|failed` event.
struct DeliveryRecorder: Sendable {
    let schedule: RetrySchedule
    let logger: Logger

    func record(
        _ db: Database, _ notification: PendingNotification, outcome: Result<Void, DeliveryError>, now: Date,
        jitter: Double
    ) throws {
        let attempt = notification.attempts + 1
        switch outcome {
        case .success:
            try db.execute(
                sql: "UPDATE notification SET state = 'sent', attempts = ?, sentAt = ?, lastError = NULL WHERE id = ?",
                arguments: [attempt, Timestamp.iso8601(now), notification.id])
            try logAttempt(db, notification, attempt: attempt, now: now, outcome: "sent", detail: nil)
            try publish(db, .notificationSent, notification, attempt: attempt, now: now, error: nil)
            logger.info(
                "notification sent",
                metadata: [
                    "notification.id": "\(notification.id)", "channel": "\(notification.channel)",
                    "alerts": "\(notification.items.map(\.firing.alertID))",
                ])
        case .failure(let error):
            try logAttempt(db, notification, attempt: attempt, now: now, outcome: "error", detail: error.message)
            let delay = error.kind == .permanent ? nil : schedule.delay(afterAttempts: attempt, unit: jitter)
            if let delay {
                try db.execute(
                    sql: "UPDATE notification SET attempts = ?, nextAttemptAt = ?, lastError = ? WHERE id = ?",
                    arguments: [
                        attempt, Timestamp.iso8601(now.addingTimeInterval(delay)), error.message, notification.id,
                    ])
                logger.warning(
                    "delivery failed, will retry",
                    metadata: [
                        "notification.id": "\(notification.id)", "retry.in": "\(Int(delay))s",
                        "error": "\(error.message)",
                    ])
            } else {
                try db.execute(
                    sql: "UPDATE notification SET state = 'failed', attempts = ?, lastError = ? WHERE id = ?",
                    arguments: [attempt, error.message, notification.id])
                try publish(db, .notificationFailed, notification, attempt: attempt, now: now, error: error.message)
                logger.error(
                    "delivery failed for good",
                    metadata: ["notification.id": "\(notification.id)", "error": "\(error.message)"])
            }
        }
    }

    private func publish(
        _ db: Database, _ kind: EventKind, _ notification: PendingNotification, attempt: Int, now: Date,
        error: String?
    ) throws {
        let body = try NotificationOutcome(notification, attempt: attempt, at: now, error: error).encoded()
        try Outbox.append(db, kind: kind, body: body, at: now)
    }

    private func logAttempt(
        _ db: Database, _ notification: PendingNotification, attempt: Int, now: Date, outcome: String, detail: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO deliveryAttempt (notificationID, attempt, at, outcome, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [notification.id, attempt, Timestamp.iso8601(now), outcome, detail])
    }
}
