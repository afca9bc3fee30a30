import GRDB
import Storage

/// Notifier's times as the one timestamp encoding (`Timestamp`: ISO 8601 text, UTC, whole
/// seconds), were Unix seconds (REAL) since notifier.v1. Each table with a time is built
/// again with TEXT columns that only take that text; the values are converted by SQLite
/// to exactly the text Swift writes for the same instant, so the scheduler's comparisons
/// (`nextAttemptAt <= ?`, a repeat's last item, a silence's end) order old and new rows
/// alike. Ids, Message-IDs and everything else are carried over as they were.
enum NotifierTimestamps {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifier.v6.isoTimes") { db in
            func text(_ column: String) -> String { Timestamp.sqlText(fromUnixSeconds: column) }
            func check(_ column: String) -> String { "CHECK (\(Timestamp.sqlCheck(column)))" }
            try db.execute(
                sql: """
                    CREATE TABLE alert2 (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
                        firing BLOB NOT NULL,
                        resolved BLOB,
                        severity TEXT NOT NULL DEFAULT 'laag',
                        receivedAt TEXT NOT NULL \(check("receivedAt")),
                        acknowledgedBy TEXT,
                        acknowledgedNote TEXT,
                        acknowledgedAt TEXT \(check("acknowledgedAt")),
                        silencedUntil TEXT \(check("silencedUntil")),
                        silencedBy TEXT,
                        escalatedAt TEXT \(check("escalatedAt"))
                    );
                    INSERT INTO alert2
                    SELECT id, normID, state, firing, resolved, severity, \(text("receivedAt")), acknowledgedBy,
                        acknowledgedNote, \(text("acknowledgedAt")), \(text("silencedUntil")), silencedBy,
                        \(text("escalatedAt"))
                    FROM alert;
                    DROP TABLE alert;
                    ALTER TABLE alert2 RENAME TO alert;
                    CREATE INDEX alertOpen ON alert(state, acknowledgedAt, escalatedAt, receivedAt);
                    CREATE INDEX alertFiringSince ON alert(state, acknowledgedAt, receivedAt);

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
                        nextAttemptAt TEXT NOT NULL \(check("nextAttemptAt")),
                        lastError TEXT,
                        sentAt TEXT \(check("sentAt")),
                        createdAt TEXT NOT NULL \(check("createdAt"))
                    );
                    INSERT INTO notification2
                    SELECT id, kind, groupKey, channel, recipientName, address, messageID, state, attempts,
                        \(text("nextAttemptAt")), lastError, sentAt, \(text("createdAt"))
                    FROM notification;
                    DROP TABLE notification;
                    ALTER TABLE notification2 RENAME TO notification;
                    CREATE INDEX notificationDue ON notification(state, nextAttemptAt);
                    CREATE INDEX notificationGroup ON notification(groupKey, createdAt);

                    CREATE TABLE notificationItem2 (
                        id INTEGER PRIMARY KEY,
                        alertID INTEGER NOT NULL REFERENCES alert(id),
                        event TEXT NOT NULL CHECK (event IN ('firing', 'resolved', 'repeat', 'escalation')),
                        channel TEXT NOT NULL,
                        recipientName TEXT NOT NULL,
                        address TEXT NOT NULL,
                        groupKey TEXT NOT NULL,
                        createdAt TEXT NOT NULL \(check("createdAt")),
                        notificationID INTEGER REFERENCES notification(id),
                        suppressed TEXT
                    );
                    INSERT INTO notificationItem2
                    SELECT id, alertID, event, channel, recipientName, address, groupKey, \(text("createdAt")),
                        notificationID, suppressed
                    FROM notificationItem;
                    DROP TABLE notificationItem;
                    ALTER TABLE notificationItem2 RENAME TO notificationItem;
                    CREATE UNIQUE INDEX notificationItemOnce ON notificationItem(alertID, event, channel, address)
                        WHERE event IN ('firing', 'resolved');
                    CREATE INDEX notificationItemWaiting ON notificationItem(groupKey)
                        WHERE notificationID IS NULL AND suppressed IS NULL;
                    CREATE INDEX notificationItemByAlert ON notificationItem(alertID);
                    CREATE INDEX notificationItemByNotification ON notificationItem(notificationID);

                    CREATE TABLE subscription2 (
                        id INTEGER PRIMARY KEY,
                        body BLOB NOT NULL,
                        active INTEGER NOT NULL DEFAULT 1,
                        createdAt TEXT NOT NULL \(check("createdAt"))
                    );
                    INSERT INTO subscription2 SELECT id, body, active, \(text("createdAt")) FROM subscription;
                    DROP TABLE subscription;
                    ALTER TABLE subscription2 RENAME TO subscription;

                    CREATE TABLE normDecision2 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        normID INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('stop.imposed', 'stop.lifted')),
                        "by" TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        "at" TEXT NOT NULL \(check("\"at\""))
                    );
                    INSERT INTO normDecision2 SELECT id, normID, kind, "by", reason, \(text("\"at\"")) FROM normDecision;
                    DROP TABLE normDecision;
                    ALTER TABLE normDecision2 RENAME TO normDecision;
                    CREATE INDEX normDecision_on_normID ON normDecision(normID);
                    """)
        }
    }
}
