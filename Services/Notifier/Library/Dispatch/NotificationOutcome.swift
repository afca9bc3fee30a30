import Contracts
import Foundation

/// `notification.sent` / `notification.failed`: who was told what, when, how.
struct NotificationOutcome: Codable, Sendable, Equatable {
    var v = 1
    var notificationID: Int64
    var alertID: Int64
    var event: String
    var channel: String
    var recipient: String
    var messageID: String
    var attempt: Int
    var at: Date
    var error: String?

    init(_ notification: PendingNotification, attempt: Int, at: Date, error: String?) {
        notificationID = notification.id
        alertID = notification.alertID
        event = notification.event
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
