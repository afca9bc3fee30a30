import Contracts
import Domain
import GRDB

/// Instroom for the reporter's figures: when each client was first seen at a provider,
/// per gemeente and product, from the start of care (JW305) or, without one, the first
/// declared line. (An instroomtarget counts arrivals by the gap rule from `CareMonths`;
/// monitor kept this table until 0.18.0.)
///
/// A credited line does not undo a client's arrival: the client did come.
public enum InflowLedger {
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        // Named when only monitor kept it; the name stays so existing stores do not rerun it.
        migrator.registerMigration("monitor.v2.inflow") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clientFirstSeen (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        client TEXT NOT NULL,
                        firstDay TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, categorie, productCode, client)
                    ) WITHOUT ROWID
                    """)
        }
    }

    /// An index monitor's per-line look-ups used until its counts moved to `CareMonths`
    /// (0.18.0 drops the table from monitor's store); kept so stores migrate in order.
    public static func registerClientLookup(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inflow.v2.byClient") { db in
            try db.execute(sql: "CREATE INDEX clientFirstSeenByClient ON clientFirstSeen (client, aanbieder)")
        }
    }

    /// Records a sighting; the earliest day wins. ISO days sort as text.
    public static func record(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        day: Day
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO clientFirstSeen (aanbieder, gemeente, categorie, productCode, client, firstDay)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET firstDay = MIN(firstDay, excluded.firstDay)
                """
        ).execute(arguments: [aanbieder, gemeente, categorie ?? "", productCode ?? "", client, day.iso])
    }
}
