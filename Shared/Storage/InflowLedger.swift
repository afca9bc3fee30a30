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

    /// For the look-ups per line (monitor only): a client's sightings at every provider,
    /// and whether a provider knew the client, by index instead of by provider alone.
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

    /// Whether the client was seen at this provider before (any gemeente or product).
    public static func known(_ db: Database, aanbieder: String, client: String) throws -> Bool {
        try Bool.fetchOne(try db.cachedStatement(sql: knownSQL), arguments: [aanbieder, client]) ?? false
    }

    /// Where a client was seen: one row per provider, gemeente and product.
    public struct Sighting: Sendable, Equatable {
        public var aanbieder: String
        public var gemeente: String
        public var categorie: String
        public var productCode: String?
        /// ISO day, which sorts as text.
        public var firstDay: String
    }

    /// Every sighting of one client at any provider: a handful of rows, by index.
    public static func sightings(_ db: Database, client: String) throws -> [Sighting] {
        try Row.fetchAll(try db.cachedStatement(sql: sightingsSQL), arguments: [client]).map { row in
            let code: String = row[3]
            return Sighting(
                aanbieder: row[0], gemeente: row[1], categorie: row[2], productCode: code.isEmpty ? nil : code,
                firstDay: row[4])
        }
    }

    /// The client's first day in the norm's scope among their sightings (nil: never seen there).
    public static func firstDay(in norm: NormDefinition, among sightings: [Sighting]) -> String? {
        sightings.filter {
            norm.scope.matches(
                gemeente: $0.gemeente, aanbieder: $0.aanbieder, productCategorie: $0.categorie,
                productCode: $0.productCode)
        }.map(\.firstDay).min()
    }

    /// Whether a first day makes the client new within the norm's period.
    public static func isNew(_ firstDay: String?, in norm: NormDefinition) -> Bool {
        firstDay.flatMap(Day.init(iso:)).map { norm.period.contains($0) } ?? false
    }

    // Per-line look-ups (monitor), checked against their plan in `PerLineQueryPlanTests`.
    public static let knownSQL = "SELECT EXISTS (SELECT 1 FROM clientFirstSeen WHERE aanbieder = ? AND client = ?)"
    public static let sightingsSQL =
        "SELECT aanbieder, gemeente, categorie, productCode, firstDay FROM clientFirstSeen WHERE client = ?"

    /// The number of clients new to the norm's scope within its period, by reading every
    /// sighting in scope: for a norm added or changed, and for the reporter's figures;
    /// monitor keeps the count per line from `sightings` instead.
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
