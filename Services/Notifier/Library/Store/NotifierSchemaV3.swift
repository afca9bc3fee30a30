import GRDB

/// Indexes for a notifier that has heard tens of thousands of alerts: without them every
/// pass read every notification item (19 ms at 20,000 alerts) and every delivery looked
/// up its message's items by scanning them.
enum NotifierSchemaV3 {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifier.v3") { db in
            try db.execute(
                sql: """
                    DROP INDEX alertOpen;
                    CREATE INDEX alertOpen ON alert(state, acknowledgedAt, escalatedAt, receivedAt);
                    CREATE INDEX alertFiringSince ON alert(state, acknowledgedAt, receivedAt);
                    CREATE INDEX notificationItemByAlert ON notificationItem(alertID);
                    CREATE INDEX notificationItemByNotification ON notificationItem(notificationID);
                    """)
        }
    }
}
