import Foundation
import GRDB
import IJW

/// Messages as stored by intake, for resend detection and the stored answer.
struct StoredMessage: FetchableRecord {
    var id: Int64
    var contentHash: Data
    var answer: Data

    enum Columns {
        static let id = Column("id")
        static let contentHash = Column("contentHash")
        static let answer = Column("answer")
    }

    /// By column, not through `Decodable`: looked up for every message intake reads.
    init(row: Row) throws {
        id = row[Columns.id]
        contentHash = row[Columns.contentHash]
        answer = row[Columns.answer]
    }

    /// The message the sender sent before with this identification: TR056 makes it unique
    /// per sender and message type (BerichtCode), so a JW305 and a JW323 may share one.
    static func find(_ db: Database, sender: String, berichtCode: String, identificatie: String) throws
        -> StoredMessage?
    {
        try StoredMessage.fetchOne(
            db,
            sql: """
                SELECT id, contentHash, answer FROM message
                WHERE sender = ? AND berichtCode = ? AND berichtIdentificatie = ?
                """,
            arguments: [sender, berichtCode, identificatie])
    }

    /// TR056 per message type: the unique key becomes (sender, berichtCode,
    /// berichtIdentificatie). SQLite cannot change a table's constraint, so the table is
    /// rebuilt (GRDB defers foreign key checks in a migration; `declaration` and
    /// `allocation` keep pointing at the same ids).
    static func registerIdentificationPerTypeMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake.v6.messageIdentificationPerType") { db in
            try db.execute(
                sql: """
                    CREATE TABLE messageNew (
                        id INTEGER PRIMARY KEY,
                        sender TEXT NOT NULL,
                        berichtIdentificatie TEXT NOT NULL,
                        berichtCode TEXT NOT NULL,
                        contentHash BLOB NOT NULL,
                        receivedAt TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        answer BLOB NOT NULL,
                        UNIQUE (sender, berichtCode, berichtIdentificatie)
                    );
                    INSERT INTO messageNew (id, sender, berichtIdentificatie, berichtCode, contentHash, receivedAt,
                        outcome, answer)
                    SELECT id, sender, berichtIdentificatie, berichtCode, contentHash, receivedAt, outcome, answer
                    FROM message;
                    DROP TABLE message;
                    ALTER TABLE messageNew RENAME TO message;
                    """)
        }
    }

    static func declarationNumberUsed(_ db: Database, aanbieder: String, nummer: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM declaration WHERE aanbieder = ? AND declaratieNummer = ?)",
            arguments: [aanbieder, nummer]) ?? false
    }

    static func insert(
        _ db: Database, header: MessageHeader, hash: Data, outcome: String, answer: Data, at date: Date
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO message (sender, berichtIdentificatie, berichtCode, contentHash, receivedAt, outcome, answer)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                header.afzender, header.identificatie, header.berichtCode, hash, date.formatted(.iso8601), outcome,
                answer,
            ])
        return db.lastInsertedRowID
    }

    static func setAnswer(_ db: Database, messageID: Int64, answer: Data) throws {
        try db.execute(sql: "UPDATE message SET answer = ? WHERE id = ?", arguments: [answer, messageID])
    }
}
