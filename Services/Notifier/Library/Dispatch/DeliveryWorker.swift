import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import Metrics
import Runtime
import ServiceLifecycle
import Storage
import Synchronization

/// Runs notifier's clockwork: groups waiting alert events into messages, queues repeats
/// and escalations, and delivers what is due, recording every attempt.
///
/// At-least-once: a message is marked sent only after the receiver accepted it, so a
/// kill in between means one more delivery with the same Message-ID. Receivers are
/// served side by side, so a slow or failing one never delays the others; after a
/// temporary failure the rest of that receiver's messages wait for the next round.
public final class DeliveryWorker: Service, Sendable {
    private let database: NotifierDatabase
    private let sender: NotificationSender
    private let scheduler: NotificationScheduler
    private let recorder: DeliveryRecorder
    private let clock: @Sendable () -> Date
    private let logger: Logger
    /// Pokes and the once-a-second tick, coalesced: the worker waits on this instead of
    /// polling, so an alert committed by the consumer is picked up at once.
    private let wakeups = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    /// When repeats and escalations were last looked for (see `schedule()`).
    private let timersCheckedAt = Mutex<Date?>(nil)
    private let published: @Sendable () -> Void
    private let sent = Counter(label: "plafond_notifications_sent_total")
    private let failedAttempts = Counter(label: "plafond_delivery_attempts_failed_total")
    private let storeRetries = Counter(label: "plafond_store_write_retries_total", dimensions: [("log", "delivery")])

    public init(
        database: NotifierDatabase, settings: NotifierConfiguration, clock: @escaping @Sendable () -> Date = Date.init,
        published: @escaping @Sendable () -> Void, logger: Logger
    ) throws {
        self.database = database
        self.sender = try NotificationSender(settings: settings)
        self.scheduler = NotificationScheduler(
            timing: NotificationTiming(settings: settings),
            router: AlertRouter(recipients: settings.recipients, defaultEscalation: settings.escalateTo),
            logger: logger)
        self.recorder = DeliveryRecorder(
            schedule: RetrySchedule(maxAttempts: settings.maxAttempts, base: settings.retryBase.seconds),
            logger: logger)
        self.clock = clock
        self.published = published
        self.logger = logger
    }

    /// Called after new alert events or acknowledgements were committed, to act at once.
    public func poke() {
        wakeups.continuation.yield()
    }

    public func run() async throws {
        let wakeups = self.wakeups
        wakeups.continuation.yield()  // a first pass at start: work left by the last run
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Grouping, repeats and retries are all checked each pass, so this tick
                // is the resolution of every timer.
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        wakeups.continuation.yield()
                    }
                }
                var backoff = RetryBackoff(first: .seconds(1), longest: .seconds(30))
                for await _ in wakeups.stream {
                    // A tick or poke buffered before shutdown began is not a reason to send.
                    guard !Task.isShuttingDownGracefully else { break }
                    do {
                        try await schedule()
                        while try await deliverDue() > 0, !Task.isShuttingDownGracefully {
                            try await schedule()
                        }
                        backoff.succeeded()
                    } catch let error as DatabaseError {
                        // A full or failing disk once stopped notifier (and, under
                        // `plafond up`, the other services with it). Nothing is lost by
                        // waiting: what is owed stays in the store, and a message sent
                        // but not recorded goes again with the same Message-ID.
                        let wait = backoff.failed()
                        storeRetries.increment()
                        logger.error(
                            "notifier store not writable; trying again",
                            metadata: [
                                "error": "\(error)", "retry.in": "\(wait)", "retry.failures": "\(backoff.failures)",
                            ])
                        try? await Task.sleep(for: wait)
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            wakeups.continuation.finish()
        }
    }

    /// One scheduling pass: groups flushed; repeats and escalations queued when the last
    /// look for them is a second old or more (they fall due hours after their alert).
    public func schedule() async throws {
        let now = clock()
        let timers = timersCheckedAt.withLock { last in
            if let last, (0..<1).contains(now.timeIntervalSince(last)) { return false }
            last = now
            return true
        }
        let publishedEvents = try await database.writer.write { [scheduler] db in
            try scheduler.pass(db, now: now, timers: timers)
        }
        if publishedEvents { published() }
    }

    /// Sends every due message once, receivers side by side; returns how many were attempted.
    public func deliverDue(limit: Int = 200) async throws -> Int {
        let due = try await database.writer.read { [clock] db in
            try PendingNotification.due(db, now: clock(), limit: limit)
        }
        let byReceiver = Dictionary(grouping: due) { "\($0.channel)|\($0.address)" }
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for messages in byReceiver.values {
                group.addTask { try await self.deliver(toOneReceiver: messages) }
            }
            return try await group.reduce(0, +)
        }
    }

    private func deliver(toOneReceiver messages: [PendingNotification]) async throws -> Int {
        var attempted = 0
        for notification in messages {
            let now = clock()
            let outcome = await OwnThread.run(named: "delivery") { [sender] in sender.send(notification, now: now) }
            attempted += 1
            try await database.writer.write { [recorder] db in
                try recorder.record(db, notification, outcome: outcome, now: now, jitter: Double.random(in: 0..<1))
            }
            published()
            if case .failure(let error) = outcome {
                failedAttempts.increment()
                if error.kind == .temporary { break }
            } else {
                sent.increment()
            }
        }
        return attempted
    }
}
