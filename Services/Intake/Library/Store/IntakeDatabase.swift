import Foundation
import GRDB
import Storage

/// Intake's store: every message received with the answer given, every approved line
/// (with the BSN: only intake keeps it, to answer and to match corrections), and the
/// outbox of intake's event log.
public struct IntakeDatabase: Sendable {
    /// The module's own: other modules go through the methods named after what they do.
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public static func open(path: String) throws -> IntakeDatabase {
        // 16 KiB pages: intake's store grows by appending rows (lines, events), and SQLite
        // writes a WAL frame per page, two system calls each; a quarter of the frames.
        // Every message is stored in a savepoint: its journal stays in memory.
        IntakeDatabase(
            writer: try StoreOpener.open(
                path: path, migrator: migrator, pageSize: 16_384, temporaryFilesInMemory: true))
    }

    public static func inMemory() throws -> IntakeDatabase {
        IntakeDatabase(writer: try StoreOpener.inMemory(migrator: migrator))
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        migrator.registerMigration("intake.v1") { db in
            try db.execute(
                sql: """
                    -- Every message, answered or not understood, with the exact answer sent:
                    -- an identical resend gets these bytes back and changes nothing.
                    CREATE TABLE message (
                        id INTEGER PRIMARY KEY,
                        sender TEXT NOT NULL,
                        berichtIdentificatie TEXT NOT NULL,
                        berichtCode TEXT NOT NULL,
                        contentHash BLOB NOT NULL,
                        receivedAt TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        answer BLOB NOT NULL,
                        UNIQUE (sender, berichtIdentificatie)
                    );
                    -- Declarations that were received (not technically rejected).
                    CREATE TABLE declaration (
                        id INTEGER PRIMARY KEY,
                        messageID INTEGER NOT NULL REFERENCES message(id),
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        declaratieNummer TEXT NOT NULL,
                        periodStart TEXT NOT NULL,
                        periodEnd TEXT NOT NULL,
                        submittedCents INTEGER NOT NULL,
                        grantedCents INTEGER NOT NULL,
                        UNIQUE (aanbieder, declaratieNummer)
                    );
                    -- Approved lines only; rejected lines live in the stored answer.
                    CREATE TABLE line (
                        id INTEGER PRIMARY KEY,
                        declarationID INTEGER NOT NULL REFERENCES declaration(id),
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        referentieNummer TEXT NOT NULL,
                        vorigReferentieNummer TEXT,
                        bsn TEXT NOT NULL,
                        client TEXT NOT NULL,
                        toewijzingNummer TEXT,
                        productCategorie TEXT NOT NULL,
                        productCode TEXT,
                        periodStart TEXT NOT NULL,
                        periodEnd TEXT NOT NULL,
                        volume INTEGER NOT NULL,
                        eenheid TEXT NOT NULL,
                        tariffCents INTEGER,
                        amountCents INTEGER NOT NULL CHECK (amountCents >= 0),
                        debetCredit TEXT NOT NULL CHECK (debetCredit IN ('D', 'C')),
                        creditedByLineID INTEGER REFERENCES line(id),
                        UNIQUE (aanbieder, referentieNummer)
                    );
                    CREATE INDEX lineDebitKey ON line(aanbieder, toewijzingNummer, productCode, periodStart)
                        WHERE debetCredit = 'D';
                    """)
        }
        AllocationStore.registerMigrations(&migrator)
        CareStore.registerMigrations(&migrator)
        migrator.registerMigration("intake.v4.dropLineDebitKey") { db in
            // The 9389 look-up names the gemeente and uses lineAllocation, which every
            // line updates anyway: one index fewer to keep per line.
            try db.execute(sql: "DROP INDEX lineDebitKey")
        }
        AllocationStore.registerDecisionTimeMigration(&migrator)
        StoredMessage.registerIdentificationPerTypeMigration(&migrator)
        DeclarationSequence.registerMigration(&migrator)
        return migrator
    }
}
