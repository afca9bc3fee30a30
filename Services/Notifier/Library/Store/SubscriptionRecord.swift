import Foundation
import GRDB
import Storage

/// A row of notifier's `subscription` table. The routing rule stays JSON (`body`): it is
/// the admin contract's `Subscription` as sent, so a new optional field needs no migration.
struct SubscriptionRecord: Codable, TimestampedRecord, TableRecord, Sendable {
    static let databaseTableName = "subscription"

    var id: Int64
    var body: Data
    var active: Bool
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let body = Column(CodingKeys.body)
        static let active = Column(CodingKeys.active)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}
