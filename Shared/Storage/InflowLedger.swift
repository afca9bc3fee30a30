import Contracts
import Domain
import GRDB

/// Instroom: when each client was first seen at a provider, per gemeente and product,
/// from the start of care (JW305) or, without one, the first declared line. An
/// instroomtarget counts the distinct clients whose first day in its scope falls in its
/// period: clients in care before the period are not new.
///
/// A credited line does not undo a client's arrival: the client did come. Monitor and
/// reporter both keep this table from intake's log, as they do `SpendCells`.
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

    /// Whether the client was seen at this provider before (any gemeente or product).
    public static func known(_ db: Database, aanbieder: String, client: String) throws -> Bool {
        try Bool.fetchOne(
            try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM clientFirstSeen WHERE aanbieder = ? AND client = ?)"),
            arguments: [aanbieder, client]) ?? false
    }

    /// The number of clients new to the norm's scope within its period.
    public static func newClients(_ db: Database, norm: NormDefinition) throws -> Int64 {
        let rows: RowCursor
        if let aanbieder = norm.scope.aanbieder {
            rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM clientFirstSeen WHERE aanbieder = ?", arguments: [aanbieder])
        } else {
            rows = try Row.fetchCursor(db, sql: "SELECT * FROM clientFirstSeen")
        }
        var firstDay: [String: String] = [:]
        while let row = try rows.next() {
            let code: String = row["productCode"]
            let categorie: String = row["categorie"]
            guard
                norm.scope.matches(
                    gemeente: row["gemeente"], aanbieder: row["aanbieder"], productCategorie: categorie,
                    productCode: code.isEmpty ? nil : code)
            else { continue }
            let client: String = row["client"]
            let day: String = row["firstDay"]
            if let known = firstDay[client], known <= day { continue }
            firstDay[client] = day
        }
        return Int64(
            firstDay.values.filter { text in Day(iso: text).map { norm.period.contains($0) } ?? false }.count)
    }
}
