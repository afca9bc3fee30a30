import Contracts
import EventLog
import GRDB

extension LoggedEvent {
    /// The kind as the contracts name it, for a consumer's `switch`: the log itself
    /// carries kinds as text so it never needs to know them.
    public var eventKind: EventKind { EventKind(rawValue: kind) }

    /// The body read as the event type its kind names.
    public func decoded<Body: EventBody>(as type: Body.Type) throws -> Body {
        try Body.decoded(from: body)
    }
}

/// Stored as its text, as the outbox and the read models' tables keep it.
extension EventKind: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> EventKind? {
        String.fromDatabaseValue(dbValue).map(EventKind.init(rawValue:))
    }
}
