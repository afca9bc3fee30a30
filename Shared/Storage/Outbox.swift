import Contracts
import EventLog
import Foundation
import GRDB

/// The producer half of the event log: facts appended in the same transaction as the
/// state change that caused them, numbered without gaps.
///
/// The sequence is `MAX(seq) + 1` (the rowid SQLite picks) inside the write transaction.
/// SQLite has one writer at a time, so two appends can never take the same number, and a
/// rolled-back transaction takes its numbers with it: consumers never see a hole that
/// will not be filled.
public enum Outbox {
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("outbox.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY CHECK (seq > 0),
                        kind TEXT NOT NULL CHECK (length(kind) > 0),
                        body BLOB NOT NULL,
                        recordedAt TEXT NOT NULL
                    )
                    """)
        }
    }

    /// Appends one event, filed under the kind its type carries, and returns its sequence
    /// number.
    @discardableResult
    public static func append(_ db: Database, _ event: some EventBody, at date: Date = Date()) throws -> Int64 {
        try append(db, kind: type(of: event).kind, body: try event.encoded(), at: date)
    }

    /// Appends a body encoded already (intake's lines, a benchmark's load) under its kind.
    /// Statements are cached per connection: appends are on intake's hot path.
    @discardableResult
    public static func append(_ db: Database, kind: EventKind, body: Data, at date: Date = Date()) throws -> Int64 {
        // seq is the rowid: without a value SQLite gives it MAX(seq) + 1 itself, which
        // spares intake a look-up per line.
        try db.cachedStatement(sql: "INSERT INTO outbox (kind, body, recordedAt) VALUES (?, ?, ?)")
            .execute(arguments: [kind.rawValue, body, Timestamp.iso8601(date)])
        return db.lastInsertedRowID
    }

    public static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM outbox")) ?? 0
    }

    public static func events(_ db: Database, after seq: Int64, limit: Int) throws -> [LoggedEvent] {
        try OutboxRow.fetchAll(
            try db.cachedStatement(sql: "SELECT seq, kind, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"),
            arguments: [seq, limit]
        ).map(\.event)
    }

    /// A row of `outbox` as the publisher and catch-up read it: by column, not through
    /// `Decodable`, since a catch-up reads thousands at a time.
    private struct OutboxRow: FetchableRecord {
        var event: LoggedEvent

        enum Columns {
            static let seq = Column("seq")
            static let kind = Column("kind")
            static let body = Column("body")
        }

        init(row: Row) throws {
            event = LoggedEvent(seq: row[Columns.seq], kind: row[Columns.kind], body: row[Columns.body])
        }
    }
}

/// Serves the outbox to the publisher and to catch-up requests, on WAL readers so it
/// never waits for the writer.
public struct OutboxEventSource: EventSource {
    private let reader: any DatabaseReader

    public init(reader: any DatabaseReader) {
        self.reader = reader
    }

    public func latestSequence() throws -> Int64 {
        try reader.read { try Outbox.latestSequence($0) }
    }

    public func events(after seq: Int64, limit: Int) throws -> [LoggedEvent] {
        try reader.read { try Outbox.events($0, after: seq, limit: limit) }
    }
}
