import Contracts
import Foundation
import GRDB

/// Admin commands that are done once, however often they are sent.
///
/// The CLI gives every command a request id and sends the same id again when it retries
/// (a reply that did not come in time, a service that restarted). The command's result is
/// stored under that id in the transaction that makes its effects, so a retry of a
/// command already done gets the stored result and changes nothing, and a command lost
/// in a crash is simply done when it comes again. A refusal is not stored: the
/// transaction rolled back, and a retry is judged again.
public enum AdminReplies {
    /// How long a result is kept for retries: far longer than any CLI waits.
    static let kept: TimeInterval = 7 * 86_400

    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("adminReply.v1") { db in
            try db.create(table: "adminReply") { table in
                table.primaryKey("requestID", .text).check { length($0) > 0 && length($0) <= 100 }
                table.column("command", .text).notNull()
                table.column("result", .blob).notNull()
                table.column("storedAt", .double).notNull().indexed()
            }
        }
    }

    /// `storedAt` as the one timestamp encoding (`Timestamp`), was Unix seconds. Registered
    /// after a store's other migrations (append-only): `registerMigrations` stays as v1 was.
    public static func registerTimestampMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("adminReply.v2.isoTimes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE adminReply2 (
                        requestID TEXT PRIMARY KEY NOT NULL CHECK (length(requestID) > 0 AND length(requestID) <= 100),
                        command TEXT NOT NULL,
                        result BLOB NOT NULL,
                        storedAt TEXT NOT NULL CHECK (\(Timestamp.sqlCheck("storedAt")))
                    );
                    INSERT INTO adminReply2 (requestID, command, result, storedAt)
                    SELECT requestID, command, result, \(Timestamp.sqlText(fromUnixSeconds: "storedAt")) FROM adminReply;
                    DROP TABLE adminReply;
                    ALTER TABLE adminReply2 RENAME TO adminReply;
                    CREATE INDEX adminReply_on_storedAt ON adminReply(storedAt);
                    """)
        }
    }

    /// Inside the command's write transaction: the stored result for `requestID`, or
    /// `body`'s result, stored. Without a request id (an older client), just `body`.
    public static func once<Result: Codable>(
        _ db: Database, requestID: String?, command: String, now: Date, _ body: () throws -> Result
    ) throws -> Result {
        guard let requestID, !requestID.isEmpty else { return try body() }
        if let stored = try AdminReplyRecord.fetchOne(db, key: requestID) {
            guard stored.command == command else {
                throw StorageError(
                    .requestIDReused, "verzoek-id \(requestID) is al gebruikt voor \(stored.command), niet \(command)")
            }
            return try AdminCoding.decode(Result.self, from: stored.result)
        }
        let result = try body()
        try AdminReplyRecord(
            requestID: requestID, command: command, result: try AdminCoding.encode(result),
            storedAt: Timestamp.iso8601(now)
        ).insert(db)
        let expired = Timestamp.iso8601(now.addingTimeInterval(-kept))
        try AdminReplyRecord.filter(AdminReplyRecord.Columns.storedAt < expired).deleteAll(db)
        return result
    }
}

/// One stored result of an admin command (table `adminReply`).
struct AdminReplyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "adminReply"

    var requestID: String
    var command: String
    var result: Data
    /// `Timestamp` text.
    var storedAt: String

    enum Columns {
        static let requestID = Column(CodingKeys.requestID)
        static let storedAt = Column(CodingKeys.storedAt)
    }
}
