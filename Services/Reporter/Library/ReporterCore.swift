import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import Storage

/// Reporter's logic without sockets: the read model and the three consumers that feed it.
public struct ReporterCore: Sendable {
    public let database: ReporterDatabase
    let warmer: NormDefinitionWarmer

    public init(database: ReporterDatabase, logger: Logger = Logger(label: "reporter")) {
        self.database = database
        warmer = NormDefinitionWarmer(database: database, logger: logger)
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
            writer: database.writer, producer: "monitor", afterCommit: { [warmer] in warmer.committed() },
            apply: { [warmer] db, event in
                if event.eventKind == NormChanged.kind { warmer.noteChange() }
                try ReadModelWriter.applyMonitor(db, event)
            })
    }
}
