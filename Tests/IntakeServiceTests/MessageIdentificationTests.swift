import Domain
import Fixtures
import Foundation
import GRDB
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// TR056: a BerichtIdentificatie is unique per sender and message type.
@Suite struct MessageIdentificationTests {
    let today = Day(iso: "2026-05-10")!

    func send(_ intake: IntakeProcessor, _ data: Data) -> String {
        String(
            decoding: intake.process([IncomingRequest(envelope: [], document: data, authenticatedAs: nil)])[0],
            as: UTF8.self)
    }

    /// Before: the second message was refused with 9056.
    @Test func aStartAndARequestMayShareAnIdentificationButTwoStartsMayNot() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        let intake = IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "id"), knownGemeenten: ["0209"],
            requireAuthentication: false, clock: { now }, logger: Logger(label: "id"))
        let start = CareFixture.start(
            identificatie: "42", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: Day(iso: "2026-04-03")!)])
        let request = CareFixture.request(
            identificatie: "42", dagtekening: today, ontvanger: "0209", referentie: "AANVRAAG-1", verwijzerType: "02",
            ingangsdatum: today)
        #expect(!send(intake, start).contains("RetourCode"))
        #expect(!send(intake, request).contains("RetourCode"))
        let otherStart = CareFixture.start(
            identificatie: "42", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5002", begindatum: Day(iso: "2026-04-03")!)])
        #expect(send(intake, otherStart).contains("<jw306:RetourCode>9056</jw306:RetourCode>"))
    }

    /// The migration keeps every message, its answer and what points at it.
    @Test func theMigrationToAKeyPerTypeKeepsTheStoredMessages() throws {
        let queue = try DatabaseQueue()
        let migrator = IntakeDatabase.migrator
        try migrator.migrate(queue, upTo: "intake.v5.allocationDecisionTime")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO message (id, sender, berichtIdentificatie, berichtCode, contentHash, receivedAt,
                        outcome, answer) VALUES (7, '12345678', 'M1', '490', x'00', '2026-05-10', 'received', x'41')
                    """)
            try db.execute(
                sql: """
                    INSERT INTO declaration (messageID, aanbieder, gemeente, declaratieNummer, periodStart, periodEnd,
                        submittedCents, grantedCents) VALUES (7, '12345678', '0268', 'D1', '2026-04-01', '2026-04-30',
                        100, 100)
                    """)
        }
        try migrator.migrate(queue)
        try queue.read { db in
            let stored = try StoredMessage.find(db, sender: "12345678", berichtCode: "490", identificatie: "M1")
            #expect(stored?.id == 7 && stored?.answer == Data("A".utf8))
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}
