import Contracts
import Foundation
import GRDB
import Logging
import Storage

/// Turns waiting alert events into messages, and firing alerts into repeats and
/// escalations when their time comes. Runs inside one write transaction per pass, so a
/// crash leaves either the old state or the new one, never half a message.
struct NotificationScheduler: Sendable {
    let timing: NotificationTiming
    let router: AlertRouter
    let logger: Logger

    /// One pass at `now`; returns whether anything was published to the outbox. Repeats
    /// and escalations are due hours after their alert, so the worker asks for them
    /// (`timers`) at most once a second, while waiting groups flush on every pass.
    @discardableResult
    func pass(_ db: Database, now: Date, timers: Bool) throws -> Bool {
        var escalated = false
        if timers {
            try queueRepeats(db, now: now)
            escalated = try queueEscalations(db, now: now)
        }
        try flushGroups(db, now: now)
        return escalated
    }

    /// Firing alerts nobody acknowledged, not silenced, whose last firing or repeat to an
    /// address is `repeatInterval` old, are owed to that address again.
    func queueRepeats(_ db: Database, now: Date) throws {
        let cutoff = Timestamp.iso8601(now.addingTimeInterval(-timing.repeatInterval))
        let rows = try OwedAgain.fetchAll(
            db,
            sql: """
                SELECT i.alertID, i.channel, i.recipientName, i.address, i.groupKey, MAX(i.createdAt) AS last
                FROM alert a CROSS JOIN notificationItem i ON i.alertID = a.id
                WHERE i.event IN ('firing', 'repeat') AND a.state = 'firing' AND a.acknowledgedAt IS NULL
                    AND a.receivedAt <= ? AND (a.silencedUntil IS NULL OR a.silencedUntil <= ?)
                GROUP BY i.alertID, i.channel, i.address
                HAVING last <= ?
                """,
            // An alert's items are never older than the alert, so only alerts received
            // before the cutoff can be owed a repeat: with the index alertFiringSince and
            // the alert table first (CROSS JOIN), a pass reads those alerts, not every item.
            arguments: [cutoff, Timestamp.iso8601(now), cutoff])
        for row in rows {
            let destination = AlertRouter.Destination(
                channel: row.channel, recipientName: row.recipientName, address: row.address, groupKey: row.groupKey)
            try NotificationItems.queue(db, alertID: row.alertID, event: "repeat", to: destination, now: now)
        }
    }

    /// An address a firing alert is owed to again.
    private struct OwedAgain: Decodable, FetchableRecord {
        var alertID: Int64
        var channel: String
        var recipientName: String
        var address: String
        var groupKey: String
    }

    /// Firing alerts nobody acknowledged within `escalateAfter` go to the escalation
    /// targets, once; the escalation is published as `alert.escalated`.
    func queueEscalations(_ db: Database, now: Date) throws -> Bool {
        let cutoff = Timestamp.iso8601(now.addingTimeInterval(-timing.escalateAfter))
        let rows = try NotifierAlertRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM alert
                WHERE state = 'firing' AND acknowledgedAt IS NULL AND escalatedAt IS NULL AND receivedAt <= ?
                    AND (silencedUntil IS NULL OR silencedUntil <= ?)
                """,
            arguments: [cutoff, Timestamp.iso8601(now)])
        guard !rows.isEmpty else { return false }
        let subscriptions = try SubscriptionStore.active(db)
        for row in rows {
            let alert = try row.firingEvent()
            let targets = router.escalations(for: alert, subscriptions: subscriptions)
            for target in targets {
                try NotificationItems.queue(db, alertID: alert.alertID, event: "escalation", to: target, now: now)
            }
            try db.execute(
                sql: "UPDATE alert SET escalatedAt = ? WHERE id = ?",
                arguments: [Timestamp.iso8601(now), alert.alertID])
            let event = AlertEscalated(
                alertID: alert.alertID, normID: alert.norm.id, to: targets.map(\.address), at: now)
            try Outbox.append(db, event, at: now)
            if targets.isEmpty {
                logger.warning(
                    "alert not acknowledged in time and nobody to escalate to (set notifier.escalate_to)",
                    metadata: ["alert.id": "\(alert.alertID)"])
            } else {
                logger.notice("alert escalated", metadata: ["alert.id": "\(alert.alertID)"])
            }
        }
        return true
    }

    /// Every group whose flush time has come becomes one pending message; events about
    /// silenced alerts, and repeats or escalations of acknowledged ones, are suppressed.
    func flushGroups(_ db: Database, now: Date) throws {
        let groups = try WaitingGroup.fetchAll(
            db,
            sql: """
                SELECT groupKey, MIN(createdAt) AS first FROM notificationItem
                WHERE notificationID IS NULL AND suppressed IS NULL GROUP BY groupKey
                """)
        for group in groups {
            let key = group.groupKey
            let kind = AlertRouter.kind(ofGroup: key)
            let previous = try String.fetchOne(
                db, sql: "SELECT MAX(createdAt) FROM notification WHERE groupKey = ?", arguments: [key])
            let flushAt = timing.flushTime(
                kind: kind, firstWaiting: group.first, previousMessage: previous.flatMap(Timestamp.date))
            guard flushAt <= now else { continue }
            try flush(db, group: key, kind: kind, now: now)
        }
    }

    private func flush(_ db: Database, group key: String, kind: String, now: Date) throws {
        let items = try WaitingItem.fetchAll(
            db,
            sql: """
                SELECT i.id, i.event, i.channel, i.recipientName, i.address,
                    a.state, a.acknowledgedAt, a.silencedUntil
                FROM notificationItem i JOIN alert a ON a.id = i.alertID
                WHERE i.groupKey = ? AND i.notificationID IS NULL AND i.suppressed IS NULL ORDER BY i.id
                """,
            arguments: [key])
        var kept: [WaitingItem] = []
        for item in items {
            if let reason = Self.suppression(item, now: now) {
                try db.execute(
                    sql: "UPDATE notificationItem SET suppressed = ? WHERE id = ?", arguments: [reason, item.id])
            } else {
                kept.append(item)
            }
        }
        guard let first = kept.first else { return }
        let address = first.address
        let messageID = Installation.messageID(
            firstItem: first.id, addressToken: MessageIDs.token(address), installation: try Installation.id(db))
        try db.execute(
            sql: """
                INSERT INTO notification
                    (kind, groupKey, channel, recipientName, address, messageID, state, nextAttemptAt, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """,
            arguments: [
                kind, key, first.channel, first.recipientName, address, messageID,
                Timestamp.iso8601(now), Timestamp.iso8601(now),
            ])
        let notificationID = db.lastInsertedRowID
        for item in kept {
            try db.execute(
                sql: "UPDATE notificationItem SET notificationID = ? WHERE id = ?",
                arguments: [notificationID, item.id])
        }
    }

    /// Items waiting in one group, oldest first.
    private struct WaitingGroup: Decodable, TimestampedRecord {
        var groupKey: String
        var first: Date
    }

    /// A waiting item with what its alert's state says about sending it.
    struct WaitingItem: Decodable, TimestampedRecord {
        var id: Int64
        var event: NotificationItemRecord.Event
        var channel: String
        var recipientName: String
        var address: String
        var state: NotifierAlertRecord.State
        var acknowledgedAt: Date?
        var silencedUntil: Date?
    }

    /// Why an event is not sent after all, or nil when it is.
    static func suppression(_ item: WaitingItem, now: Date) -> String? {
        if let until = item.silencedUntil, until > now { return "stilte" }
        let acknowledged = item.acknowledgedAt != nil
        if acknowledged && (item.event == .repeat || item.event == .escalation) { return "bevestigd" }
        if item.event == .repeat && item.state != .firing { return "opgelost" }
        return nil
    }
}
