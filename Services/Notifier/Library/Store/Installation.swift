import GRDB

/// This installation's identity: 32 random hex digits made by SQLite when the notifier's
/// store is created (or first upgraded to notifier.v4), kept in the store.
///
/// Message-IDs and webhook `Idempotency-Key`s carry it, so two installations, or one
/// whose store was reset and numbers its items from 1 again, never send different alerts
/// under the same id (receivers drop redeliveries by it). A redelivery reads its id from
/// the stored notification, so it keeps the id it was first sent with.
enum Installation {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifier.v4.installation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE installation (
                        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                        id TEXT NOT NULL CHECK (length(id) = 32)
                    );
                    INSERT INTO installation (singleton, id) VALUES (1, lower(hex(randomblob(16))));
                    """)
        }
    }

    static func id(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM installation WHERE singleton = 1") else {
            throw NotifierError(.corruptStore, "notifier store has no installation id (migration notifier.v4 missing)")
        }
        return id
    }

    /// `plafond-<first item>.<address hash>@<installation>.plafond`: unique per item and
    /// address within an installation, and across installations by the domain part.
    static func messageID(firstItem: Int64, addressToken: String, installation: String) -> String {
        "plafond-\(firstItem).\(addressToken)@\(installation).plafond"
    }
}
