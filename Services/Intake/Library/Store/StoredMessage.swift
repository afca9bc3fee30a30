import Foundation
import GRDB
import IJW

/// Messages as stored by intake, for resend detection and the stored answer.
struct StoredMessage {
    var id: Int64
    var contentHash: Data
    var answer: Data

    static func find(_ db: Database, sender: String, identificatie: String) throws -> StoredMessage? {
        try Row.fetchOne(
            db, sql: "SELECT id, contentHash, answer FROM message WHERE sender = ? AND berichtIdentificatie = ?",
            arguments: [sender, identificatie]
        ).map { StoredMessage(id: $0["id"], contentHash: $0["contentHash"], answer: $0["answer"]) }
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
