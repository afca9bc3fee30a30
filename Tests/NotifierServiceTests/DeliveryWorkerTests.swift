import Contracts
import Domain
import Foundation
import GRDB
import Testing

@testable import NotifierService

@Suite(.serialized) struct DeliveryWorkerTests {
    @Test func aFiringAlertIsMailedOnceWithAStableMessageID() async throws {
        let notifier = try NotifierHarness()
        try notifier.fire(1)
        try notifier.fire(1)  // a replay owes nothing new
        #expect(try await notifier.tick() == 1)
        #expect(try await notifier.tick() == 0)
        let mails = notifier.mails()
        #expect(mails.count == 1)
        #expect(mails[0].messageID.hasPrefix("<plafond-1."))
        #expect(mails[0].to == "cm@nijmegen.example")
        let state = try await notifier.database.writer.read {
            try String.fetchOne($0, sql: "SELECT state FROM notification")
        }
        #expect(state == "sent")
        #expect(try await notifier.outboxKinds() == ["notification.sent"])
    }

    @Test func aRefusedDeliveryIsRetriedLaterAndEveryAttemptIsStored() async throws {
        let notifier = try NotifierHarness(sink: try SMTPSink(failFirst: 1))
        try notifier.fire(1)
        #expect(try await notifier.tick() == 1)  // refused with 451
        #expect(notifier.mails().isEmpty)
        #expect(try await notifier.tick() == 0)  // not due yet
        notifier.clock.advance(3_600)
        #expect(try await notifier.tick() == 1)
        #expect(notifier.mails().count == 1)
        let attempts = try await notifier.database.writer.read {
            try String.fetchAll($0, sql: "SELECT outcome FROM deliveryAttempt ORDER BY attempt")
        }
        #expect(attempts == ["error", "sent"])
    }

    @Test func afterTheLastAttemptTheDeliveryIsMarkedFailedAndThatIsPublished() async throws {
        let notifier = try NotifierHarness(sink: try SMTPSink(failFirst: 10)) { $0.maxAttempts = 3 }
        try notifier.fire(1)
        for _ in 0..<5 {
            try await notifier.tick()
            notifier.clock.advance(3_600)
        }
        #expect(notifier.mails().isEmpty)
        let row = try await notifier.database.writer.read {
            try Row.fetchOne($0, sql: "SELECT state, attempts FROM notification")
        }
        #expect(row?["state"] == "failed")
        #expect(row?["attempts"] == 3)
        #expect(try await notifier.outboxKinds() == ["notification.failed"])
    }

    @Test func aFailingReceiverDoesNotHoldUpTheOthers() async throws {
        let closedPort = 1  // nothing listens on port 1: connection refused at once
        let notifier = try NotifierHarness()
        let reply = try notifier.admin(
            SubscriptionAddRequest(
                Subscription(name: "Kapot systeem", email: nil, webhook: "http://127.0.0.1:\(closedPort)/x")),
            as: Subscription.self)
        #expect(reply.ok)
        try notifier.fire(1)
        #expect(try await notifier.tick() == 2)
        #expect(notifier.mails().count == 1)
        let states = try await notifier.database.writer.read {
            try String.fetchAll($0, sql: "SELECT channel || ':' || state FROM notification ORDER BY channel")
        }
        #expect(states == ["email:sent", "webhook:pending"])
    }

    @Test func aVersionOneStoreKeepsItsNotificationsAndMessageIDsWhenUpgraded() throws {
        let queue = try DatabaseQueue()
        try NotifierDatabase.migrator.migrate(queue, upTo: "notifier.v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alert (id, normID, state, firing) VALUES (7, 3, 'firing', x'7b7d');
                    INSERT INTO notification (id, alertID, event, channel, recipientName, address, messageID, state,
                        attempts, nextAttemptAt)
                    VALUES (1, 7, 'firing', 'email', 'CM', 'cm@x.example', 'alert-7-firing.abc@plafond', 'pending', 2, 10);
                    INSERT INTO deliveryAttempt VALUES (1, 1, '2026-01-01T00:00:00Z', 'error', 'down');
                    """)
        }
        try NotifierDatabase.migrator.migrate(queue)
        try queue.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM notification")
            #expect(row?["messageID"] == "alert-7-firing.abc@plafond")
            #expect(row?["attempts"] == 2)
            #expect(row?["groupKey"] == "email|cm@x.example|alert|norm-3")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notificationItem WHERE notificationID = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveryAttempt") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT receivedAt FROM alert") == "1970-01-01T00:00:10Z")
        }
    }
}
