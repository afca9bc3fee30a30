import Contracts
import Foundation

/// `notification.sent` / `notification.failed`: who was told what, when, how.
struct NotificationOutcome: Codable, Sendable, Equatable {
    var v = 2
    var notificationID: Int64
    /// alert, escalation or digest.
    var notificationKind: String
    var alertIDs: [Int64]
    /// The alert events covered, in the same order as `alertIDs`.
    var events: [String]
    var channel: String
    var recipient: String
    var messageID: String
    var attempt: Int
    var at: Date
    var error: String?

    init(_ notification: PendingNotification, attempt: Int, at: Date, error: String?) {
        notificationID = notification.id
        notificationKind = notification.kind
        alertIDs = notification.items.map(\.firing.alertID)
        events = notification.items.map(\.event)
        channel = notification.channel
        recipient = notification.recipientName
        messageID = notification.messageID
        self.attempt = attempt
        self.at = at
        self.error = error
    }

    func encoded() throws -> Data {
        try AdminCoding.encode(self)
    }
}
