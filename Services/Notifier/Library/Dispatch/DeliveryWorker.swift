import Contracts
import Foundation
import GRDB
import Logging
import Metrics
import Runtime
import ServiceLifecycle
import Storage
import Synchronization

/// Delivers owed notifications: sends what is due, records every attempt, schedules
/// retries, and marks a delivery failed (and reports it) after the last attempt.
///
/// At-least-once: a notification is marked sent only after the SMTP server accepted it,
/// so a kill in between means one more delivery with the same Message-ID.
public final class DeliveryWorker: Service, Sendable {
    private let database: NotifierDatabase
    private let mailer: SMTPMailer
    private let renderer: AlertMailRenderer
    private let settings: NotifierConfiguration
    private let schedule: RetrySchedule
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let poked = Atomic<Bool>(false)
    private let published: @Sendable () -> Void
    private let sent = Counter(label: "plafond_notifications_sent_total")
    private let failedAttempts = Counter(label: "plafond_delivery_attempts_failed_total")

    public init(
        database: NotifierDatabase, settings: NotifierConfiguration, clock: @escaping @Sendable () -> Date = Date.init,
        published: @escaping @Sendable () -> Void, logger: Logger
    ) throws {
        self.database = database
        self.settings = settings
        self.mailer = SMTPMailer(
            settings: SMTPSettings(
                url: settings.smtpURL, username: settings.smtpUsername, password: settings.smtpPassword,
                startTLS: .whenOffered, timeoutSeconds: 30, heloDomain: nil))
        self.renderer = try AlertMailRenderer()
        self.schedule = RetrySchedule(maxAttempts: settings.maxAttempts)
        self.clock = clock
        self.published = published
        self.logger = logger
    }

    /// Called after new notifications were committed, so they go out at once.
    public func poke() {
        poked.store(true, ordering: .releasing)
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                let delivered = try await deliverDue()
                if delivered == 0 { await sleepUntilDue() }
            }
        } onGracefulShutdown: { [self] in
            poke()
        }
    }

    /// Sends every due notification once; returns how many were attempted.
    public func deliverDue(limit: Int = 50) async throws -> Int {
        let due = try await database.writer.read { [clock] db in
            try PendingNotification.due(db, now: clock(), limit: limit)
        }
        for notification in due {
            let outcome = attempt(notification)
            try await record(notification, outcome: outcome)
        }
        return due.count
    }

    private func attempt(_ notification: PendingNotification) -> Result<Void, DeliveryError> {
        do {
            let mail = try compose(notification)
            try mailer.send(mail)
            return .success(())
        } catch let error as DeliveryError {
            return .failure(error)
        } catch {
            return .failure(DeliveryError(kind: .permanent, message: "cannot render: \(error)", code: nil))
        }
    }

    private func compose(_ notification: PendingNotification) throws -> OutgoingMail {
        let content = AlertMailContentBuilder.content(for: notification, dashboardURL: settings.dashboardURL)
        let rendered = try renderer.render(content)
        return OutgoingMail(
            from: settings.from, to: [notification.address], subject: rendered.subject, textBody: rendered.text,
            htmlBody: rendered.html, messageID: notification.messageID, date: clock(), headers: [:])
    }

    private func record(_ notification: PendingNotification, outcome: Result<Void, DeliveryError>) async throws {
        let now = clock()
        let attempt = notification.attempts + 1
        try await database.writer.write { [schedule, logger] db in
            switch outcome {
            case .success:
                try db.execute(
                    sql:
                        "UPDATE notification SET state = 'sent', attempts = ?, sentAt = ?, lastError = NULL WHERE id = ?",
                    arguments: [attempt, now.formatted(.iso8601), notification.id])
                try Self.logAttempt(db, notification, attempt: attempt, now: now, outcome: "sent", detail: nil)
                try Outbox.append(
                    db, kind: EventKind.notificationSent.rawValue,
                    body: try NotificationOutcome(notification, attempt: attempt, at: now, error: nil).encoded(),
                    at: now)
                logger.info(
                    "notification sent",
                    metadata: ["alert.id": "\(notification.alertID)", "notification.id": "\(notification.id)"])
            case .failure(let error):
                try Self.logAttempt(
                    db, notification, attempt: attempt, now: now, outcome: "error", detail: error.message)
                let delay =
                    error.kind == .permanent
                    ? nil : schedule.delay(afterAttempts: attempt, unit: Double.random(in: 0..<1))
                if let delay {
                    try db.execute(
                        sql: "UPDATE notification SET attempts = ?, nextAttemptAt = ?, lastError = ? WHERE id = ?",
                        arguments: [
                            attempt, now.addingTimeInterval(delay).timeIntervalSince1970, error.message,
                            notification.id,
                        ])
                    logger.warning(
                        "delivery failed, will retry",
                        metadata: [
                            "notification.id": "\(notification.id)", "retry.in": "\(Int(delay))s",
                            "error": "\(error.message)",
                        ])
                } else {
                    try db.execute(
                        sql: "UPDATE notification SET state = 'failed', attempts = ?, lastError = ? WHERE id = ?",
                        arguments: [attempt, error.message, notification.id])
                    try Outbox.append(
                        db, kind: EventKind.notificationFailed.rawValue,
                        body: try NotificationOutcome(notification, attempt: attempt, at: now, error: error.message)
                            .encoded(),
                        at: now)
                    logger.error(
                        "delivery failed for good",
                        metadata: ["notification.id": "\(notification.id)", "error": "\(error.message)"])
                }
            }
        }
        if case .success = outcome { sent.increment() } else { failedAttempts.increment() }
        published()
    }

    private static func logAttempt(
        _ db: Database, _ notification: PendingNotification, attempt: Int, now: Date, outcome: String, detail: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO deliveryAttempt (notificationID, attempt, at, outcome, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [notification.id, attempt, now.formatted(.iso8601), outcome, detail])
    }

    /// Sleeps until the next retry is due, at most a second, waking early when poked.
    /// Short slices instead of a stored continuation keep this free of stray tasks.
    private func sleepUntilDue() async {
        let next = try? await database.writer.read { try PendingNotification.nextDue($0) }
        let deadline = clock().addingTimeInterval(min(max(next.map { $0.timeIntervalSince(clock()) } ?? 1, 0), 1))
        while clock() < deadline, !Task.isShuttingDownGracefully, !Task.isCancelled {
            if poked.exchange(false, ordering: .acquiringAndReleasing) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
