import Contracts
import Foundation
import GRDB
import Testing

@testable import NotifierService

/// Receivers drop redeliveries by Message-ID (and webhooks by `Idempotency-Key`), so an id
/// must never name two different alerts: not across installations, not after a store
/// reset. It once was `plafond-<item>.<address hash>@plafond`, the same for the first
/// alert of every installation.
@Suite(.serialized) struct MessageIDUniquenessTests {
    @Test func twoInstallationsNeverShareAMessageIDForTheirFirstAlert() async throws {
        let first = try NotifierHarness()
        let second = try NotifierHarness()  // another installation, or this one after a store reset
        try first.fire(1, threshold: 90, value: 90_920)
        try second.fire(1, threshold: 70, value: 70_030)
        #expect(try await first.tick() == 1)
        #expect(try await second.tick() == 1)
        let firstID = try #require(first.mails().first?.messageID)
        let secondID = try #require(second.mails().first?.messageID)
        #expect(firstID != secondID)
        for (harness, id) in [(first, firstID), (second, secondID)] {
            let status = try harness.admin(NotifierStatusRequest(), as: NotifierStatus.self)
            let installation = try #require(status.result?.installationID)
            #expect(installation.count == 32 && installation.allSatisfy(\.isHexDigit))
            #expect(id.hasSuffix("@\(installation).plafond>"))
        }
    }

    @Test func aRedeliveryKeepsTheIDItWasFirstSentWith() async throws {
        let notifier = try NotifierHarness(sink: try SMTPSink(failFirst: 1))
        try notifier.fire(1)
        let stored = {
            try await notifier.database.writer.read {
                try String.fetchOne($0, sql: "SELECT messageID FROM notification")
            }
        }
        #expect(try await notifier.tick() == 1)  // refused with 451
        let planned = try #require(try await stored())
        notifier.clock.advance(3_600)
        #expect(try await notifier.tick() == 1)
        #expect(notifier.mails().map(\.messageID) == ["<\(planned)>"])
    }

    @Test func theInstallationIDSurvivesReopeningTheStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-installation-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notifier.sqlite").path
        let made = try NotifierDatabase.open(path: path).installationID()
        #expect(try NotifierDatabase.open(path: path).installationID() == made)
        #expect(try NotifierDatabase.inMemory().installationID() != made)
    }
}
