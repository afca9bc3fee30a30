import Foundation
import GRDB
import Messaging
import Storage

/// Reporter's logic without sockets: the read model and the three consumers that feed it.
public struct ReporterCore: Sendable {
    public let database: ReporterDatabase

    public init(database: ReporterDatabase) {
        self.database = database
    }

    public func intakeSink() -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "intake", apply: ReadModelWriter.applyIntake)
    }

    public func notifierSink() -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "notifier", apply: ReadModelWriter.applyNotifier)
    }

    public func monitorSink() -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "monitor", apply: ReadModelWriter.applyMonitor)
    }
}
