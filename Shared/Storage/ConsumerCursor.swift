import GRDB

/// The consumer half of the event log: how far this store has applied each producer's log.
///
/// The cursor row is written in the same transaction as the effects of the events, so
/// after any crash the store and its cursor agree: nothing is applied twice or skipped.
public enum ConsumerCursor {
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("cursor.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cursor (
                        producer TEXT PRIMARY KEY NOT NULL,
                        seq INTEGER NOT NULL CHECK (seq >= 0)
                    )
                    """)
        }
    }

    public static func applied(_ db: Database, producer: String) throws -> Int64 {
        try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT seq FROM cursor WHERE producer = ?"), arguments: [producer]) ?? 0
    }

    public static func advance(_ db: Database, producer: String, to seq: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO cursor (producer, seq) VALUES (?, ?)
                ON CONFLICT(producer) DO UPDATE SET seq = excluded.seq
                """
        ).execute(arguments: [producer, seq])
    }
}
