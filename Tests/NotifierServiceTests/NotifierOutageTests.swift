import Foundation
import GRDB
import Testing

@testable import NotifierService

/// The SMTP server away for an hour of simulated time (it answers 421 to everything):
/// nothing is given up, and when it is back every alert goes out once.
@Suite struct NotifierOutageTests {
    @Test func anHourWithoutSMTPLosesNothing() async throws {
        let notifier = try NotifierHarness()
        let down = notifier.sink.folder.appendingPathComponent("down")
        FileManager.default.createFile(atPath: down.path, contents: nil)
        try notifier.fire(1, threshold: 70)
        try notifier.fire(2, threshold: 90)
        var attempts = 0
        for _ in 0..<60 {
            attempts += try await notifier.tick()
            notifier.clock.advance(60)
        }
        #expect(notifier.mails().isEmpty)
        #expect(attempts >= 5, "the deliveries were tried during the hour, \(attempts) times")
        let pending = try await notifier.database.writer.read {
            try String.fetchAll($0, sql: "SELECT DISTINCT state FROM notification")
        }
        #expect(pending == ["pending"], "nothing may be given up after an hour: \(pending)")

        try FileManager.default.removeItem(at: down)
        for _ in 0..<90 where notifier.mails().isEmpty {
            _ = try await notifier.tick()
            notifier.clock.advance(60)
        }
        let mails = notifier.mails()
        #expect(!mails.isEmpty)
        #expect(Set(mails.map(\.messageID)).count == mails.count, "a message arrived twice")
        let text = mails.map(\.text).joined()
        #expect(text.contains("Melding 1;") && text.contains("Melding 2;"))
        #expect(try await notifier.outboxKinds().filter { $0 == "notification.failed" }.isEmpty)
    }
}
