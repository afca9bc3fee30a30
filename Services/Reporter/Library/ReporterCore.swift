import Contracts
import Dispatch
import Foundation
import GRDB
import Messaging
import Storage
import Synchronization

/// Reporter's logic without sockets: the read model and the three consumers that feed it.
public struct ReporterCore: Sendable {
    public let database: ReporterDatabase
    private let normsChanged = NormChangeFlag()

    public init(database: ReporterDatabase) {
        self.database = database
    }

    public func intakeSink() -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "intake", apply: ReadModelWriter.applyIntake)
    }

    public func notifierSink() -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "notifier", apply: ReadModelWriter.applyNotifier)
    }

    /// After a batch that changed the norm table the definitions are decoded again at
    /// once, off the consumer's thread, instead of by the next person to ask.
    public func monitorSink() -> TransactionalEventSink {
        TransactionalEventSink(
            writer: database.writer, producer: "monitor",
            afterCommit: { [database, normsChanged] in
                guard normsChanged.take() else { return }
                DispatchQueue.global(qos: .utility).async {
                    // A failed read only means the next request decodes them itself.
                    try? database.warmNormDefinitions()
                }
            },
            apply: { [normsChanged] db, event in
                if event.kind == NormChanged.kind.rawValue { normsChanged.raise() }
                try ReadModelWriter.applyMonitor(db, event)
            })
    }
}

/// Set while applying a batch that holds a norm change, taken once it is committed.
private final class NormChangeFlag: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether it was raised, lowering it.
    func take() -> Bool { raised.exchange(false, ordering: .acquiringAndReleasing) }
}
