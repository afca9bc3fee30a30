import Foundation
import GRDB
import Storage

/// Notifier's store: every alert it heard of, every notification it owes, every
/// delivery attempt. Deliveries survive restarts because they live here, not in memory.
public struct NotifierDatabase: Sendable {
    /// The module's own: other modules go through the methods named after what they do.
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public static func open(path: String) throws -> NotifierDatabase {
        NotifierDatabase(writer: try StoreOpener.open(path: path, migrator: migrator))
    }

    /// This installation's id, part of every Message-ID (see `Installation`).
    public func installationID() throws -> String {
        try writer.read(Installation.id)
    }

    public static func inMemory() throws -> NotifierDatabase {
        NotifierDatabase(writer: try StoreOpener.inMemory(migrator: migrator))
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        ConsumerCursor.registerMigrations(&migrator)
        migrator.registerMigration("notifier.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
                        firing BLOB NOT NULL,
                        resolved BLOB
                    );
                    CREATE TABLE notification (
                        id INTEGER PRIMARY KEY,
                        alertID INTEGER NOT NULL REFERENCES alert(id),
                        event TEXT NOT NULL CHECK (event IN ('firing', 'resolved')),
                        channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
                        recipientName TEXT NOT NULL,
                        address TEXT NOT NULL,
                        messageID TEXT NOT NULL UNIQUE,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        nextAttemptAt REAL NOT NULL,
                        lastError TEXT,
                        sentAt TEXT,
                        UNIQUE (alertID, event, channel, address)
                    );
                    CREATE INDEX notificationDue ON notification(state, nextAttemptAt);
                    CREATE TABLE deliveryAttempt (
                        notificationID INTEGER NOT NULL REFERENCES notification(id),
                        attempt INTEGER NOT NULL,
                        at TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        detail TEXT,
                        PRIMARY KEY (notificationID, attempt)
                    );
                    """)
        }
        NotifierSchemaV2.register(&migrator)
        NotifierSchemaV3.register(&migrator)
        Installation.register(&migrator)
        AdminReplies.registerMigrations(&migrator)
        NormDecisions.register(&migrator)
        // One timestamp encoding (0.19.0): every time as ISO 8601 text, was Unix seconds.
        NotifierTimestamps.register(&migrator)
        AdminReplies.registerTimestampMigration(&migrator)
        return migrator
    }
}
