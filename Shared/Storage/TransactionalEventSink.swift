import EventLog
import GRDB

/// An `EventSink` that applies a batch of events and moves the cursor in one transaction.
///
/// Events at or below the stored cursor are skipped inside the transaction, so a batch
/// that arrives twice (a PUB copy racing a catch-up copy) is harmless. `afterCommit` runs
/// once the transaction is durable, typically to wake this service's own publisher when
/// applying produced new outbox events.
public struct TransactionalEventSink: EventSink {
    public typealias Apply = @Sendable (Database, LoggedEvent) throws -> Void
    /// The batch's new events, in order and without a gap, inside the transaction.
    public typealias ApplyBatch = @Sendable (Database, [LoggedEvent]) throws -> Void

    private let writer: any DatabaseWriter
    private let producer: String
    private let applyBatch: ApplyBatch
    private let afterCommit: @Sendable () -> Void

    /// A consumer that handles one event at a time.
    public init(
        writer: any DatabaseWriter, producer: String,
        afterCommit: @escaping @Sendable () -> Void = {},
        apply: @escaping Apply
    ) {
        self.init(
            writer: writer, producer: producer, afterCommit: afterCommit,
            batch: { db, events in
                for event in events { try apply(db, event) }
            })
    }

    /// A consumer that does its work per batch (monitor: each touched row written once).
    public static func perBatch(
        writer: any DatabaseWriter, producer: String,
        afterCommit: @escaping @Sendable () -> Void = {},
        apply: @escaping ApplyBatch
    ) -> TransactionalEventSink {
        TransactionalEventSink(writer: writer, producer: producer, afterCommit: afterCommit, batch: apply)
    }

    private init(
        writer: any DatabaseWriter, producer: String, afterCommit: @escaping @Sendable () -> Void,
        batch: @escaping ApplyBatch
    ) {
        self.writer = writer
        self.producer = producer
        self.applyBatch = batch
        self.afterCommit = afterCommit
    }

    public func appliedSequence() throws -> Int64 {
        try writer.read { try ConsumerCursor.applied($0, producer: producer) }
    }

    public func apply(_ events: [LoggedEvent]) throws {
        guard !events.isEmpty else { return }
        try writer.write { db in
            var applied = try ConsumerCursor.applied(db, producer: producer)
            var new: [LoggedEvent] = []
            for event in events where event.seq > applied {
                guard event.seq == applied + 1 else {
                    throw StorageError(.gapInEventLog, "expected \(applied + 1) from \(producer), got \(event.seq)")
                }
                new.append(event)
                applied = event.seq
            }
            guard !new.isEmpty else { return }
            try applyBatch(db, new)
            try ConsumerCursor.advance(db, producer: producer, to: applied)
        }
        afterCommit()
    }
}
