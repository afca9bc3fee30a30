import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Runtime
import Storage
import Synchronization

@testable import NotifierService

/// A clock the test moves by hand: no sleeping tests.
final class TestClock: Sendable {
    /// 2026-11-23 09:00 UTC, a Monday.
    private let now = Mutex(Date(timeIntervalSince1970: 1_795_424_400))
    func read() -> Date { now.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Notifier's parts around one in-memory store, a real SMTP sink and a hand-moved clock:
/// events go in through the same consumer transaction as in production.
final class NotifierHarness: Sendable {
    let clock: TestClock
    let database: NotifierDatabase
    let worker: DeliveryWorker
    let consumer: TransactionalEventSink
    let admin: NotifierAdmin
    let sink: SMTPSink
    let sequence = Mutex<Int64>(0)

    static let norm = NormDefinition(
        id: 3, name: "Begeleiding jeugd", kind: .bestedingsruimte,
        scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]), period: .year(2026),
        limit: 100_000)

    init(sink: SMTPSink? = nil, configure: (inout NotifierConfiguration) -> Void = { _ in }) throws {
        clock = TestClock()
        let sink = try sink ?? SMTPSink()
        self.sink = sink
        var settings = NotifierConfiguration()
        settings.smtpURL = sink.url
        settings.recipients = [.init(name: "Contractmanager", email: "cm@nijmegen.example")]
        settings.retryBase = .init(seconds: 5)
        configure(&settings)
        database = try NotifierDatabase.inMemory()
        let clock = clock
        worker = try DeliveryWorker(
            database: database, settings: settings, clock: clock.read, published: {}, logger: Logger(label: "test"))
        let intake = AlertIntake(settings: settings)
        consumer = TransactionalEventSink(writer: database.writer, producer: "monitor") { db, event in
            try intake.apply(db, event, now: clock.read())
        }
        admin = NotifierAdmin(
            database: database, settings: settings, clock: clock.read, changed: {}, logger: Logger(label: "test"))
    }

    func nextSeq() -> Int64 {
        sequence.withLock {
            $0 += 1; return $0
        }
    }

    func fire(
        _ id: Int64, threshold: Int = 70, kind: AlertKind = .actual, value: Int64 = 72_500,
        norm: NormDefinition = NotifierHarness.norm, providerName: String? = nil
    ) throws {
        let alert = AlertFiring(
            alertID: id, norm: AlertNorm(norm, aanbiederNaam: providerName), alertKind: kind, threshold: threshold,
            value: value,
            limit: norm.limit, forecastValue: nil, forecastCrossing: nil, firedAt: clock.read())
        try consumer.apply([LoggedEvent(seq: nextSeq(), kind: AlertFiring.kind.rawValue, body: try alert.encoded())])
    }

    func resolve(_ id: Int64, threshold: Int = 70, value: Int64 = 60_000) throws {
        let norm = Self.norm
        let resolved = AlertResolved(
            alertID: id, norm: AlertNorm(norm), alertKind: .actual, threshold: threshold, value: value,
            limit: norm.limit, resolvedAt: clock.read())
        try consumer.apply([
            LoggedEvent(seq: nextSeq(), kind: AlertResolved.kind.rawValue, body: try resolved.encoded())
        ])
    }

    /// One pass of the worker at the current test time; returns the messages attempted.
    @discardableResult
    func tick() async throws -> Int {
        try await worker.schedule()
        return try await worker.deliverDue()
    }

    /// Sends an admin request as the CLI would and decodes the reply.
    func admin<Request: Encodable, Result: Codable & Sendable>(_ request: Request, as: Result.Type) throws
        -> AdminReply<Result>
    {
        try AdminCoding.decode(AdminReply<Result>.self, from: admin.handle(try AdminCoding.encode(request)))
    }

    func outboxKinds() async throws -> [String] {
        try await database.writer.read { try String.fetchAll($0, sql: "SELECT kind FROM outbox ORDER BY seq") }
    }

    /// The subjects of the mails the SMTP server accepted, in order, with their recipients.
    func mails() -> [(to: String, subject: String, messageID: String, text: String)] {
        sink.messages().map { message in
            let header = { (name: String) in
                message.components(separatedBy: "\r\n").first { $0.hasPrefix("\(name): ") }
                    .map { String($0.dropFirst(name.count + 2)) } ?? ""
            }
            let subject = header("Subject")
            let decodedSubject = Self.decodeSubject(subject)
            return (
                header("X-Envelope-To"), decodedSubject, header("Message-ID"),
                MIMEText.decodedParts(message).first ?? ""
            )
        }
    }

    /// Undoes RFC 2047 base64 encoded-words, so tests read the subject a person sees.
    static func decodeSubject(_ subject: String) -> String {
        subject.components(separatedBy: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return word }
            let encoded = word.dropFirst(10).dropLast(2)
            return Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) } ?? word
        }.joined(separator: " ")
    }
}
