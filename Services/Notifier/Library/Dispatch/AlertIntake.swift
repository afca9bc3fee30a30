import Contracts
import Foundation
import GRDB
import Messaging
import Runtime

/// Turns monitor's alert facts into owed notifications, inside the consumer's
/// transaction: an alert heard is an alert that will be delivered, whatever crashes next.
struct AlertIntake {
    let recipients: [NotifierConfiguration.Recipient]

    func apply(_ db: Database, _ event: LoggedEvent, now: Date) throws {
        switch event.kind {
        case AlertFiring.kind.rawValue:
            let alert = try AlertFiring.decoded(from: event.body)
            try db.execute(
                sql: "INSERT OR IGNORE INTO alert (id, normID, state, firing) VALUES (?, ?, 'firing', ?)",
                arguments: [alert.alertID, alert.norm.id, event.body])
            try owe(db, alertID: alert.alertID, event: "firing", now: now)
        case AlertResolved.kind.rawValue:
            let resolved = try AlertResolved.decoded(from: event.body)
            try db.execute(
                sql: "UPDATE alert SET state = 'resolved', resolved = ? WHERE id = ?",
                arguments: [event.body, resolved.alertID])
            try owe(db, alertID: resolved.alertID, event: "resolved", now: now)
        default:
            break
        }
    }

    /// One notification per recipient; the Message-ID is derived from stable ids so a
    /// redelivery after a crash carries the same id and the receiver can drop it.
    private func owe(_ db: Database, alertID: Int64, event: String, now: Date) throws {
        for recipient in recipients {
            let messageID = "alert-\(alertID)-\(event).\(MessageIDs.token(recipient.email))@plafond"
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO notification
                        (alertID, event, channel, recipientName, address, messageID, state, nextAttemptAt)
                    VALUES (?, ?, 'email', ?, ?, ?, 'pending', ?)
                    """,
                arguments: [alertID, event, recipient.name, recipient.email, messageID, now.timeIntervalSince1970])
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
