import Contracts
import Foundation
import GRDB
import Storage
import Testing

@testable import NotifierService

/// A notifier store as releases up to 0.18.0 wrote it (times as Unix seconds, REAL) opens,
/// migrates to the one timestamp encoding, and every time reads back as the same instant
/// in whole seconds, the fraction cut off exactly as Swift's formatter cuts it.
///
/// No release's notifier store is checked in: the old store is the migrations up to
/// notifier.v5 (0.17.0's last), filled by the statements 0.17.0 and 0.18.0 ran.
@Suite struct StoreFixtureNotifierTimesTests {
    /// Times with a fraction, one just short of the next second (SQLite's `'unixepoch'`
    /// alone would round it up), and a whole one.
    static let received = 1_796_352_857.46376
    static let acknowledged = 1_796_352_911.9996
    static let silenced = 1_796_400_000.0
    static let escalated = 1_796_352_999.5
    static let dueBefore = 1_796_352_900.25
    static let dueAfter = 1_796_353_100.75
    static let created = 1_796_352_858.001
    static let decided = 1_796_352_860.999999

    static func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds.rounded(.down)) }

    static func oldStore() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try NotifierDatabase.migrator.migrate(queue, upTo: "notifier.v5.normDecisions")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alert (id, normID, state, firing, severity, receivedAt, acknowledgedBy, acknowledgedAt,
                        silencedUntil, silencedBy, escalatedAt)
                    VALUES (7, 3, 'firing', x'7b7d', 'hoog', ?, 'A. Bakker', ?, ?, 'B: plan', ?);
                    INSERT INTO alert (id, normID, state, firing, receivedAt) VALUES (8, 3, 'resolved', x'7b7d', ?);
                    INSERT INTO notification (id, kind, groupKey, channel, recipientName, address, messageID, state,
                        attempts, nextAttemptAt, createdAt)
                    VALUES (1, 'alert', 'g1', 'email', 'CM', 'cm@x.example', 'm1', 'pending', 1, ?, ?),
                        (2, 'alert', 'g2', 'email', 'CM', 'cm@x.example', 'm2', 'pending', 1, ?, ?);
                    INSERT INTO notificationItem (id, alertID, event, channel, recipientName, address, groupKey,
                        createdAt, notificationID)
                    VALUES (1, 7, 'firing', 'email', 'CM', 'cm@x.example', 'g1', ?, NULL);
                    INSERT INTO subscription (id, body, createdAt) VALUES (1, x'7b7d', ?);
                    INSERT INTO normDecision (normID, kind, "by", reason, "at") VALUES (3, 'stop.imposed', 'A', 'r', ?);
                    INSERT INTO adminReply (requestID, command, result, storedAt) VALUES ('r1', 'alert.ack', x'7b7d', ?);
                    """,
                arguments: [
                    received, acknowledged, silenced, escalated, received, dueBefore, created, dueAfter, created,
                    created, created, decided, decided,
                ])
        }
        return queue
    }

    @Test func everyRealTimeOfAnOldNotifierStoreReadsBackAsTheSameInstant() throws {
        let queue = try Self.oldStore()
        try NotifierDatabase.migrator.migrate(queue)
        try queue.read { db in
            let alert = try #require(try NotifierAlertRecord.fetchOne(db, key: 7))
            #expect(alert.receivedAt == Self.instant(Self.received))
            #expect(alert.acknowledgedAt == Self.instant(Self.acknowledged))
            #expect(alert.silencedUntil == Self.instant(Self.silenced))
            #expect(alert.escalatedAt == Self.instant(Self.escalated))
            let plain = try #require(try NotifierAlertRecord.fetchOne(db, key: 8))
            #expect(plain.acknowledgedAt == nil && plain.silencedUntil == nil && plain.escalatedAt == nil)
            let notifications = try NotificationRecord.order(NotificationRecord.Columns.id).fetchAll(db)
            #expect(notifications.map(\.nextAttemptAt) == [Self.instant(Self.dueBefore), Self.instant(Self.dueAfter)])
            #expect(notifications.map(\.createdAt) == [Self.instant(Self.created), Self.instant(Self.created)])
            #expect(try NotificationItemRecord.fetchOne(db, key: 1)?.createdAt == Self.instant(Self.created))
            #expect(try SubscriptionRecord.fetchOne(db, key: 1)?.createdAt == Self.instant(Self.created))
            #expect(try NormDecisions.of(db, normID: 3).map(\.at) == [Self.instant(Self.decided)])
        }
    }

    /// The converted text is the text Swift writes for the same instant, so an old row and
    /// a new one compare in SQL as their times do.
    @Test func convertedTextIsWhatSwiftWritesForTheSameInstant() throws {
        let queue = try Self.oldStore()
        try NotifierDatabase.migrator.migrate(queue)
        try queue.read { db throws in
            let stored = try Row.fetchOne(
                db, sql: "SELECT receivedAt, acknowledgedAt, silencedUntil, escalatedAt FROM alert WHERE id = 7")
            let expected = [Self.received, Self.acknowledged, Self.silenced, Self.escalated].map {
                Timestamp.iso8601(Date(timeIntervalSince1970: $0))
            }
            #expect(stored.map { [$0[0], $0[1], $0[2], $0[3]] as [String?] } == expected)
            #expect(expected[1] == "2026-12-04T02:55:11Z")
            #expect(
                try String.fetchOne(db, sql: "SELECT storedAt FROM adminReply")
                    == Timestamp.iso8601(Date(timeIntervalSince1970: Self.decided)))
            #expect(try String.fetchOne(db, sql: "SELECT typeof(nextAttemptAt) FROM notification LIMIT 1") == "text")
        }
    }

    /// A retry stored before the upgrade is due when its time comes, not before.
    @Test func anOldRetryIsDueAtItsTime() throws {
        let queue = try Self.oldStore()
        try NotifierDatabase.migrator.migrate(queue)
        let (soon, later) = try queue.read { db in
            (
                try PendingNotification.due(db, now: Date(timeIntervalSince1970: Self.dueBefore + 1), limit: 10),
                try PendingNotification.due(db, now: Date(timeIntervalSince1970: Self.dueAfter + 1), limit: 10)
            )
        }
        #expect(soon.map(\.id) == [1])
        #expect(later.map(\.id) == [1, 2])
    }

    /// The schema takes only the one encoding.
    @Test func aTimeInAnotherEncodingIsRefused() throws {
        let queue = try DatabaseQueue()
        try NotifierDatabase.migrator.migrate(queue)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO subscription (body, createdAt) VALUES (x'7b7d', ?)", arguments: [1_796_352_857.5])
            }
        }
    }
}
