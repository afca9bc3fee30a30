import Contracts
import Foundation
import GRDB
import Messaging
import Runtime
import Storage

/// Turns monitor's alert facts into owed notification items, inside the consumer's
/// transaction: an alert heard is an alert that will be delivered, whatever crashes next.
struct AlertIntake {
    let router: AlertRouter
    let sendResolved: Bool

    init(settings: NotifierConfiguration) {
        router = AlertRouter(recipients: settings.recipients, defaultEscalation: settings.escalateTo)
        sendResolved = settings.sendResolved
    }

    func apply(_ db: Database, _ event: LoggedEvent, now: Date) throws {
        switch event.eventKind {
        case AlertFiring.kind:
            let alert = try AlertFiring.decoded(from: event.body)
            let severity = AlertSeverity(kind: alert.alertKind, threshold: alert.threshold)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO alert (id, normID, state, firing, severity, receivedAt)
                    VALUES (?, ?, 'firing', ?, ?, ?)
                    """,
                arguments: [alert.alertID, alert.norm.id, event.body, severity.rawValue, Timestamp.iso8601(now)])
            guard db.changesCount > 0 else { return }
            let subscriptions = try SubscriptionStore.active(db)
            for destination in router.destinations(for: alert, subscriptions: subscriptions) {
                try NotificationItems.queue(db, alertID: alert.alertID, event: "firing", to: destination, now: now)
            }
        case AlertResolved.kind:
            let resolved = try AlertResolved.decoded(from: event.body)
            try db.execute(
                sql: "UPDATE alert SET state = 'resolved', resolved = ? WHERE id = ? AND state = 'firing'",
                arguments: [event.body, resolved.alertID])
            guard db.changesCount > 0, sendResolved else { return }
            for destination in try NotificationItems.firingDestinations(db, alertID: resolved.alertID) {
                try NotificationItems.queue(db, alertID: resolved.alertID, event: "resolved", to: destination, now: now)
            }
        case StopImposed.kind:
            let stop = try StopImposed.decoded(from: event.body)
            try NormDecisions.record(
                db,
                NormDecisionAudit(kind: event.kind, normID: stop.normID, by: stop.by, reason: stop.reason, at: stop.at))
        case StopLifted.kind:
            let stop = try StopLifted.decoded(from: event.body)
            // A lift against the four-month rule keeps its "why anyway" in the audit.
            let reason = stop.despite.map { "\(stop.reason) (ondanks de viermaandenregel: \($0))" } ?? stop.reason
            try NormDecisions.record(
                db,
                NormDecisionAudit(kind: event.kind, normID: stop.normID, by: stop.by, reason: reason, at: stop.at))
        default:
            break
        }
    }
}

/// Stable, address-derived tokens for Message-IDs (no personal data in clear text).
enum MessageIDs {
    /// FNV-1a of the address, in hex: stable across runs and machines.
    static func token(_ address: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in address.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
