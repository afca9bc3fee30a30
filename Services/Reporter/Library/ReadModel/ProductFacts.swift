import Contracts
import Domain
import GRDB

/// The per-product facts of the council report, kept from intake's log with the keyed
/// pseudonym only: declared amount per client, product and month of care (for the stand
/// and costs per product), each start of care with its allocation number (for uitstroom
/// per product, and for the clients taken on above budget under a 105% rule), and the
/// gemeente's own team that referred.
///
/// A store from before these tables fills them for the past with a reporter `--rebuild`.
enum ProductFacts {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.policy.v2.products") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clientProductMonth (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        month TEXT NOT NULL,
                        client TEXT NOT NULL,
                        cents INTEGER NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, categorie, productCode, month, client)
                    ) WITHOUT ROWID;
                    CREATE TABLE careStart (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        toewijzingNummer TEXT NOT NULL,
                        begindatum TEXT NOT NULL,
                        client TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, toewijzingNummer, begindatum)
                    ) WITHOUT ROWID;
                    ALTER TABLE referral ADD COLUMN team TEXT;
                    """)
        }
    }

    static func addLine(_ db: Database, _ line: DeclaredLine, sign: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO clientProductMonth (aanbieder, gemeente, categorie, productCode, month, client, cents)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET cents = cents + excluded.cents
                """,
            arguments: [
                line.aanbieder, line.gemeente, line.productCategorie, line.productCode ?? "",
                line.monthOfCare.description, line.client, line.amountCents * sign,
            ])
    }

    /// A start of care (JW305); a withdrawn start takes it back.
    static func careStarted(_ db: Database, _ start: CareStarted) throws {
        if start.withdrawn {
            try db.execute(
                sql:
                    "DELETE FROM careStart WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ? AND begindatum = ?",
                arguments: [start.aanbieder, start.gemeente, start.toewijzingNummer, start.begindatum.iso])
        } else {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO careStart (aanbieder, gemeente, toewijzingNummer, begindatum, client,
                        categorie, productCode) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    start.aanbieder, start.gemeente, start.toewijzingNummer, start.begindatum.iso, start.client,
                    start.productCategorie ?? "", start.productCode ?? "",
                ])
        }
    }
}
