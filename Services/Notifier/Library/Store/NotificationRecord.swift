import Foundation
import GRDB
import Storage

/// A row of notifier's `notification` table: one message to one address, covering one or
/// more alert events (`NotificationItemRecord`).
struct NotificationRecord: Codable, TimestampedRecord, TableRecord, Sendable {
    static let databaseTableName = "notification"

    /// What the message is about; the schema allows exactly these.
    enum Kind: String, Codable, DatabaseValueConvertible, Sendable {
        case alert
        case escalation
        case digest
    }

    enum State: String, Codable, DatabaseValueConvertible, Sendable {
        case pending
        case sent
        case failed
    }

    var id: Int64
    var kind: Kind
    var groupKey: String
    var channel: String
    var recipientName: String
    var address: String
    var messageID: String
    var state: State
    var attempts: Int
    var nextAttemptAt: Date
    var lastError: String?
    var sentAt: Date?
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let groupKey = Column(CodingKeys.groupKey)
        static let channel = Column(CodingKeys.channel)
        static let state = Column(CodingKeys.state)
        static let attempts = Column(CodingKeys.attempts)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        static let sentAt = Column(CodingKeys.sentAt)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}
