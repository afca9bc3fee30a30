import Domain
import Foundation
import GRDB
import IJW

/// Starts and stops of care (JW305/JW307) and requests for allocations (JW315), as
/// intake needs them to check the next message: a start is keyed by provider, gemeente,
/// allocation and Begindatum; its stop lives on the same row.
enum CareStore {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake.v3.care") { db in
            try db.execute(
                sql: """
                    CREATE TABLE careStart (
                        id INTEGER PRIMARY KEY,
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        toewijzingNummer TEXT NOT NULL,
                        begindatum TEXT NOT NULL,
                        client TEXT NOT NULL,
                        productCategorie TEXT,
                        productCode TEXT,
                        einddatum TEXT,
                        redenBeeindiging TEXT,
                        UNIQUE (aanbieder, gemeente, toewijzingNummer, begindatum)
                    );
                    CREATE TABLE referral (
                        id INTEGER PRIMARY KEY,
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        referentieAanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        productCategorie TEXT,
                        productCode TEXT,
                        toewijzingIngangsdatum TEXT NOT NULL,
                        verwijzerType TEXT NOT NULL,
                        UNIQUE (aanbieder, gemeente, referentieAanbieder)
                    );
                    """)
        }
    }

    struct Start {
        var id: Int64
        var einddatum: Day?
        var redenBeeindiging: String?
        var isStopped: Bool { einddatum != nil }
        var isFinallyStopped: Bool { einddatum != nil && redenBeeindiging != "20" }
    }

    struct Key {
        var aanbieder: String
        var gemeente: String
        var toewijzingNummer: String
    }

    static func start(_ db: Database, _ key: Key, begindatum: Day) throws -> Start? {
        try StartRow.fetchOne(
            db,
            sql: """
                SELECT id, einddatum, redenBeeindiging FROM careStart
                WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ? AND begindatum = ?
                """,
            arguments: [key.aanbieder, key.gemeente, key.toewijzingNummer, begindatum.iso]
        ).map {
            Start(id: $0.id, einddatum: $0.einddatum.flatMap(Day.init(iso:)), redenBeeindiging: $0.redenBeeindiging)
        }
    }

    /// A start of care as `careStart` keeps it (the end day as `YYYY-MM-DD`).
    private struct StartRow: Decodable, FetchableRecord {
        var id: Int64
        var einddatum: String?
        var redenBeeindiging: String?
    }

    /// A start under this allocation that has not been stopped (temporarily or for good).
    static func hasOpenStart(_ db: Database, _ key: Key) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM careStart
                    WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ? AND einddatum IS NULL)
                """,
            arguments: [key.aanbieder, key.gemeente, key.toewijzingNummer]) ?? false
    }

    /// A final stop (any reason but 20) under this allocation: no new start may follow.
    static func hasFinalStop(_ db: Database, _ key: Key) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM careStart
                    WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ?
                        AND einddatum IS NOT NULL AND redenBeeindiging <> '20')
                """,
            arguments: [key.aanbieder, key.gemeente, key.toewijzingNummer]) ?? false
    }

    static func insertStart(_ db: Database, _ key: Key, _ product: CareStart, client: String) throws {
        try db.execute(
            sql: """
                INSERT INTO careStart (aanbieder, gemeente, toewijzingNummer, begindatum, client, productCategorie,
                    productCode) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key.aanbieder, key.gemeente, key.toewijzingNummer, product.begindatum.iso, client,
                product.productCategorie, product.productCode,
            ])
    }

    static func updateStart(_ db: Database, id: Int64, _ product: CareStart) throws {
        try db.execute(
            sql: "UPDATE careStart SET productCategorie = ?, productCode = ? WHERE id = ?",
            arguments: [product.productCategorie, product.productCode, id])
    }

    static func deleteStart(_ db: Database, id: Int64) throws {
        try db.execute(sql: "DELETE FROM careStart WHERE id = ?", arguments: [id])
    }

    static func setStop(_ db: Database, id: Int64, einddatum: Day?, reden: String?) throws {
        try db.execute(
            sql: "UPDATE careStart SET einddatum = ?, redenBeeindiging = ? WHERE id = ?",
            arguments: [einddatum?.iso, reden, id])
    }

    /// Whether the referral was new (false: the provider used the same ReferentieAanbieder
    /// before, for any gemeente: TR347 makes it unique per provider).
    static func insertReferral(
        _ db: Database, aanbieder: String, gemeente: String, _ product: RequestedProduct, client: String
    ) throws -> Bool {
        let used =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM referral WHERE aanbieder = ? AND referentieAanbieder = ?)",
                arguments: [aanbieder, product.referentieAanbieder]) ?? false
        if used { return false }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO referral (aanbieder, gemeente, referentieAanbieder, client, productCategorie,
                    productCode, toewijzingIngangsdatum, verwijzerType) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                aanbieder, gemeente, product.referentieAanbieder, client, product.productCategorie,
                product.productCode, product.toewijzingIngangsdatum.iso, product.verwijzerType,
            ])
        return db.changesCount > 0
    }
}
