import Foundation
import GRDB
import Storage

/// A row of notifier's `notificationItem` table: one alert event owed to one address,
/// waiting for its group to be flushed into a `NotificationRecord`.
struct NotificationItemRecord: Codable, TimestampedRecord, TableRecord, Sendable {
    static let databaseTableName = "notificationItem"

    /// Which alert event is owed; the schema allows exactly these.
    enum Event: String, Codable, DatabaseValueConvertible, Sendable {
        case firing
        case resolved
        case `repeat`
        case escalation
    }

    var id: Int64
    var alertID: Int64
    var event: Event
    var channel: String
    var recipientName: String
    var address: String
    var groupKey: String
    var createdAt: Date
    var notificationID: Int64?
    /// Why it was not sent (a silence, an acknowledgement), if it was not.
    var suppressed: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let alertID = Column(CodingKeys.alertID)
        static let event = Column(CodingKeys.event)
        static let groupKey = Column(CodingKeys.groupKey)
        static let createdAt = Column(CodingKeys.createdAt)
        static let notificationID = Column(CodingKeys.notificationID)
        static let suppressed = Column(CodingKeys.suppressed)
    }
}
