import Contracts
import Foundation
import GRDB

/// Appends many events to the outbox in one transaction: intake's one event per approved
/// line. The same row as `Outbox.append` (SQLite numbers it), written through a
/// `DirectStatement`, with the time of recording formatted once.
public struct OutboxAppender {
    private let insert: DirectStatement
    private let recordedAt: String

    public init(_ db: Database, at date: Date) throws {
        insert = try DirectStatement(db, sql: "INSERT INTO outbox (kind, body, recordedAt) VALUES (?, ?, ?)")
        recordedAt = Timestamp.iso8601(date)
    }

    /// Appends one event and returns its sequence number.
    @discardableResult
    public func append(_ db: Database, kind: EventKind, body: [UInt8]) throws -> Int64 {
        insert.bind(kind.rawValue, at: 1)
        insert.bind(blob: body, at: 2)
        insert.bind(recordedAt, at: 3)
        try insert.run()
        return db.lastInsertedRowID
    }
}
