import GRDB

/// Version 2 of notifier's store: subscriptions, people in the loop (acknowledgement,
/// silence, escalation) and grouping.
///
/// A notification is now one message to one address that may cover several alert
/// events; each event owed to an address is a `notificationItem` that waits for its
/// group to be flushed. Existing v1 notifications are carried over with their
/// Message-IDs, so a delivery interrupted by the upgrade goes out with the same id.
enum NotifierSchemaV2 {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifier.v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE subscription (
                        id INTEGER PRIMARY KEY,
                        body BLOB NOT NULL,
                        active INTEGER NOT NULL DEFAULT 1,
                        createdAt REAL NOT NULL
                    );
                    ALTER TABLE alert ADD COLUMN severity TEXT NOT NULL DEFAULT 'laag';
                    ALTER TABLE alert ADD COLUMN receivedAt REAL NOT NULL DEFAULT 0;
                    ALTER TABLE alert ADD COLUMN acknowledgedBy TEXT;
                    ALTER TABLE alert ADD COLUMN acknowledgedNote TEXT;
                    ALTER TABLE alert ADD COLUMN acknowledgedAt REAL;
                    ALTER TABLE alert ADD COLUMN silencedUntil REAL;
                    ALTER TABLE alert ADD COLUMN silencedBy TEXT;
                    ALTER TABLE alert ADD COLUMN escalatedAt REAL;

                    CREATE TABLE notification2 (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('alert', 'escalation', 'digest')),
                        groupKey TEXT NOT NULL,
                        channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
                        recipientName TEXT NOT NULL,
                        address TEXT NOT NULL,
                        messageID TEXT NOT NULL UNIQUE,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        nextAttemptAt REAL NOT NULL,
                        lastError TEXT,
                        sentAt TEXT,
                        createdAt REAL NOT NULL
                    );
                    CREATE TABLE notificationItem (
                        id INTEGER PRIMARY KEY,
                        alertID INTEGER NOT NULL REFERENCES alert(id),
                        event TEXT NOT NULL CHECK (event IN ('firing', 'resolved', 'repeat', 'escalation')),
                        channel TEXT NOT NULL,
                        recipientName TEXT NOT NULL,
                        address TEXT NOT NULL,
                        groupKey TEXT NOT NULL,
                        createdAt REAL NOT NULL,
                        notificationID INTEGER REFERENCES notification2(id),
                        suppressed TEXT
                    );
                    CREATE UNIQUE INDEX notificationItemOnce ON notificationItem(alertID, event, channel, address)
                        WHERE event IN ('firing', 'resolved');
                    CREATE INDEX notificationItemWaiting ON notificationItem(groupKey)
                        WHERE notificationID IS NULL AND suppressed IS NULL;

                    INSERT INTO notification2
                        (id, kind, groupKey, channel, recipientName, address, messageID, state, attempts,
                         nextAttemptAt, lastError, sentAt, createdAt)
                    SELECT n.id, 'alert', n.channel || '|' || n.address || '|alert|norm-' || a.normID,
                        n.channel, n.recipientName, n.address, n.messageID, n.state, n.attempts,
                        n.nextAttemptAt, n.lastError, n.sentAt, n.nextAttemptAt
                    FROM notification n JOIN alert a ON a.id = n.alertID;
                    INSERT INTO notificationItem
                        (alertID, event, channel, recipientName, address, groupKey, createdAt, notificationID)
                    SELECT n.alertID, n.event, n.channel, n.recipientName, n.address, g.groupKey, g.createdAt, n.id
                    FROM notification n JOIN notification2 g ON g.id = n.id;
                    UPDATE alert SET receivedAt = COALESCE(
                        (SELECT MIN(createdAt) FROM notificationItem i WHERE i.alertID = alert.id), 0);

                    CREATE TABLE deliveryAttempt2 (
                        notificationID INTEGER NOT NULL REFERENCES notification2(id),
                        attempt INTEGER NOT NULL,
                        at TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        detail TEXT,
                        PRIMARY KEY (notificationID, attempt)
                    );
                    INSERT INTO deliveryAttempt2 SELECT * FROM deliveryAttempt;
                    DROP TABLE deliveryAttempt;
                    DROP TABLE notification;
                    ALTER TABLE notification2 RENAME TO notification;
                    ALTER TABLE deliveryAttempt2 RENAME TO deliveryAttempt;
                    CREATE INDEX notificationDue ON notification(state, nextAttemptAt);
                    CREATE INDEX notificationGroup ON notification(groupKey, createdAt);
                    CREATE INDEX alertOpen ON alert(state, acknowledgedAt, escalatedAt);
                    """)
        }
    }
}
