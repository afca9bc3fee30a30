import Domain
import Foundation
import GRDB
import IJW

/// Allocations (JW301) as intake keeps them to check declarations against. A later
/// JW301 with the same ToewijzingNummer is a change (e.g. an earlier end) and replaces it.
enum AllocationStore {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake.v2.allocations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE allocation (
                        id INTEGER PRIMARY KEY,
                        messageID INTEGER NOT NULL REFERENCES message(id),
                        gemeente TEXT NOT NULL,
                        aanbieder TEXT NOT NULL,
                        toewijzingNummer TEXT NOT NULL,
                        bsn TEXT NOT NULL,
                        client TEXT NOT NULL,
                        productCategorie TEXT,
                        productCode TEXT,
                        toewijzingsdatum TEXT NOT NULL,
                        ingangsdatum TEXT NOT NULL,
                        einddatum TEXT,
                        redenWijziging TEXT,
                        volume INTEGER,
                        eenheid TEXT,
                        frequentie TEXT,
                        budgetCents INTEGER,
                        UNIQUE (gemeente, aanbieder, toewijzingNummer)
                    );
                    CREATE INDEX lineAllocation ON line(aanbieder, gemeente, toewijzingNummer);
                    """)
        }
    }

    /// Toewijzingstijd beside Toewijzingsdatum: the later decision is the current
    /// allocation (IV013). Rows from before keep midnight.
    static func registerDecisionTimeMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake.v5.allocationDecisionTime") { db in
            try db.execute(sql: "ALTER TABLE allocation ADD COLUMN toewijzingstijd TEXT NOT NULL DEFAULT '00:00:00'")
        }
    }

    /// What TR332 and IV013 need of the allocation a gemeente gave this number, to any provider.
    struct Holder: Decodable, FetchableRecord {
        var aanbieder: String
        var bsn: String
        /// Toewijzingsdatum and -tijd as "YYYY-MM-DDTHH:MM:SS".
        var decidedAt: String
    }

    static func holders(_ db: Database, gemeente: String, toewijzingNummer: String) throws -> [Holder] {
        try Holder.fetchAll(
            db,
            sql: """
                SELECT aanbieder, bsn, toewijzingsdatum || 'T' || toewijzingstijd AS decidedAt FROM allocation
                WHERE gemeente = ? AND toewijzingNummer = ?
                """,
            arguments: [gemeente, toewijzingNummer])
    }

    static func upsert(
        _ db: Database, _ product: AllocatedProduct, message: AllocationMessage, client: String, messageID: Int64
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO allocation (messageID, gemeente, aanbieder, toewijzingNummer, bsn, client, productCategorie,
                    productCode, toewijzingsdatum, ingangsdatum, einddatum, redenWijziging, volume, eenheid, frequentie,
                    budgetCents, toewijzingstijd)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (gemeente, aanbieder, toewijzingNummer) DO UPDATE SET
                    messageID = excluded.messageID, bsn = excluded.bsn, client = excluded.client,
                    productCategorie = excluded.productCategorie, productCode = excluded.productCode,
                    toewijzingsdatum = excluded.toewijzingsdatum, ingangsdatum = excluded.ingangsdatum,
                    einddatum = excluded.einddatum, redenWijziging = excluded.redenWijziging,
                    volume = excluded.volume, eenheid = excluded.eenheid, frequentie = excluded.frequentie,
                    budgetCents = excluded.budgetCents, toewijzingstijd = excluded.toewijzingstijd
                """,
            arguments: [
                messageID, message.gemeente, message.aanbieder, product.toewijzingNummer, message.bsn, client,
                product.productCategorie, product.productCode, product.toewijzingsdatum.iso, product.ingangsdatum.iso,
                product.einddatum?.iso, product.redenWijziging, product.omvang?.volume, product.omvang?.eenheid,
                product.omvang?.frequentie.rawValue, product.budget, product.toewijzingstijd,
            ])
    }

    static func find(_ db: Database, gemeente: String, aanbieder: String, toewijzingNummer: String) throws
        -> AllocationRecord?
    {
        try AllocationRow.fetchOne(
            db, sql: "SELECT * FROM allocation WHERE gemeente = ? AND aanbieder = ? AND toewijzingNummer = ?",
            arguments: [gemeente, aanbieder, toewijzingNummer]
        )?.allocation
    }

    /// Net approved volume (minutes apart, IV081) and amount under an allocation.
    static func usage(_ db: Database, gemeente: String, aanbieder: String, toewijzingNummer: String) throws
        -> AllocationUsage
    {
        let sums = try UsageSums.fetchOne(
            db,
            sql: """
                SELECT
                    COALESCE(SUM(CASE WHEN eenheid = '01' THEN 0
                        ELSE (CASE debetCredit WHEN 'D' THEN volume ELSE -volume END) END), 0) AS volume,
                    COALESCE(SUM(CASE WHEN eenheid = '01'
                        THEN (CASE debetCredit WHEN 'D' THEN volume ELSE -volume END) ELSE 0 END), 0) AS minutes,
                    COALESCE(SUM(CASE debetCredit WHEN 'D' THEN amountCents ELSE -amountCents END), 0) AS amount
                FROM line WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ?
                """,
            arguments: [aanbieder, gemeente, toewijzingNummer])
        return AllocationUsage(
            volume: sums?.volume ?? 0, minutes: sums?.minutes ?? 0, amountCents: sums?.amount ?? 0)
    }

    /// The sums `usage` asks SQLite for. Read per declared line, so decoded by column
    /// rather than through `Decodable`.
    private struct UsageSums: FetchableRecord {
        var volume: Int64
        var minutes: Int64
        var amount: Int64

        enum Columns {
            static let volume = Column("volume")
            static let minutes = Column("minutes")
            static let amount = Column("amount")
        }

        init(row: Row) throws {
            volume = row[Columns.volume]
            minutes = row[Columns.minutes]
            amount = row[Columns.amount]
        }
    }
}
