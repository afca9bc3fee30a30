import Contracts
import Foundation
import GRDB
import Storage

/// Subscriptions as stored: the routing rule as JSON, so a new optional field needs no
/// migration. Removing one deactivates it; what it received stays in the audit.
enum SubscriptionStore {
    static func add(_ db: Database, _ subscription: Subscription, now: Date) throws -> Subscription {
        var stored = subscription
        stored.id = nil
        try db.execute(
            sql: "INSERT INTO subscription (body, createdAt) VALUES (?, ?)",
            arguments: [try AdminCoding.encode(stored), Timestamp.iso8601(now)])
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Whether an active subscription with this id existed.
    static func remove(_ db: Database, id: Int64) throws -> Bool {
        try db.execute(sql: "UPDATE subscription SET active = 0 WHERE id = ? AND active = 1", arguments: [id])
        return db.changesCount > 0
    }

    static func active(_ db: Database) throws -> [Subscription] {
        let stored = try SubscriptionRecord.filter(SubscriptionRecord.Columns.active == true)
            .order(SubscriptionRecord.Columns.id).fetchAll(db)
        return try stored.map { row in
            var subscription = try AdminCoding.decode(Subscription.self, from: row.body)
            subscription.id = row.id
            return subscription
        }
    }
}
