import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Runtime
import Storage
import Synchronization
import Testing

@testable import NotifierService

/// A clock the test moves by hand: no sleeping tests.
final class TestClock: Sendable {
    private let now = Mutex(Date(timeIntervalSince1970: 1_795_392_000))
    func read() -> Date { now.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite(.serialized) struct DeliveryWorkerTests {
    let norm = NormDefinition(
        id: 3, name: "Begeleiding jeugd", kind: .bestedingsruimte,
        scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]), period: .year(2026),
        limit: 100_000)

    func firing(_ id: Int64) throws -> LoggedEvent {
        let alert = AlertFiring(
            alertID: id, norm: AlertNorm(norm), alertKind: .actual, threshold: 70, value: 72_500, limit: 100_000,
            forecastValue: nil, forecastCrossing: nil, firedAt: Date(timeIntervalSince1970: 0))
        return LoggedEvent(seq: id, kind: AlertFiring.kind.rawValue, body: try alert.encoded())
    }

    func setUp(sink: SMTPSink, clock: TestClock) throws -> (NotifierDatabase, DeliveryWorker, TransactionalEventSink) {
        let database = try NotifierDatabase.inMemory()
        var settings = NotifierConfiguration()
        settings.smtpURL = sink.url
        settings.recipients = [.init(name: "Contractmanager", email: "cm@nijmegen.example")]
        let worker = try DeliveryWorker(
            database: database, settings: settings, clock: clock.read, published: {}, logger: Logger(label: "test"))
        let intake = AlertIntake(recipients: settings.recipients)
        let consumer = TransactionalEventSink(writer: database.writer, producer: "monitor") { db, event in
            try intake.apply(db, event, now: clock.read())
        }
        return (database, worker, consumer)
    }

    @Test func aFiringAlertIsMailedOnceWithAStableMessageID() async throws {
        let sink = try SMTPSink()
        let clock = TestClock()
        let (database, worker, consumer) = try setUp(sink: sink, clock: clock)
        try consumer.apply([try firing(1)])
        try consumer.apply([try firing(1)])  // a replay owes nothing new
        #expect(try await worker.deliverDue() == 1)
        #expect(try await worker.deliverDue() == 0)
        #expect(sink.messages().count == 1)
        #expect(sink.messages()[0].contains("Message-ID: <alert-1-firing."))
        let state = try await database.writer.read { try String.fetchOne($0, sql: "SELECT state FROM notification") }
        #expect(state == "sent")
    }

    @Test func aRefusedDeliveryIsRetriedLaterAndEveryAttemptIsStored() async throws {
        let sink = try SMTPSink(failFirst: 1)
        let clock = TestClock()
        let (database, worker, consumer) = try setUp(sink: sink, clock: clock)
        try consumer.apply([try firing(1)])
        #expect(try await worker.deliverDue() == 1)  // refused with 451
        #expect(sink.messages().isEmpty)
        #expect(try await worker.deliverDue() == 0)  // not due yet
        clock.advance(3_600)
        #expect(try await worker.deliverDue() == 1)
        #expect(sink.messages().count == 1)
        let attempts = try await database.writer.read {
            try String.fetchAll($0, sql: "SELECT outcome FROM deliveryAttempt ORDER BY attempt")
        }
        #expect(attempts == ["error", "sent"])
    }
}
