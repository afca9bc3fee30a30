import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Storage

/// Stores the approved lines of a received declaration and publishes them, credits
/// first, in the transaction of the message itself.
///
/// The hot path of intake: one row and one event per line, bound directly
/// (`DirectStatement`) from what reading prepared (`PreparedDeclaration`).
struct LineStore {
    let now: Date

    /// Returns the granted amount, debits minus credits, in cents.
    func insertApproved(
        _ db: Database, _ prepared: PreparedDeclaration, messageID: Int64,
        rejected: [LinePosition: [RetourCode]], credits: [LinePosition: Int64]
    ) throws -> Int64 {
        let declaration = prepared.declaration
        let header = declaration.header
        try db.execute(
            sql: """
                INSERT INTO declaration (messageID, aanbieder, gemeente, declaratieNummer, periodStart, periodEnd,
                    submittedCents, grantedCents)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                messageID, header.afzender, header.ontvanger, declaration.declaratieNummer,
                declaration.declaratiePeriode.start.iso, declaration.declaratiePeriode.end.iso,
                declaration.totaalDebetCredit == .credit
                    ? -declaration.totaalIngediendBedrag : declaration.totaalIngediendBedrag,
            ])
        let declarationID = db.lastInsertedRowID
        let insert = try DirectStatement(db, sql: Self.insertLineSQL)
        let outbox = try OutboxAppender(db, at: now)
        var granted: Int64 = 0
        for position in prepared.order where rejected[position] == nil {
            let current = prepared.line(position)
            let worked = prepared.preparedLine(at: position)
            insert.bind(declarationID, at: 1)
            insert.bind(header.afzender, at: 2)
            insert.bind(header.ontvanger, at: 3)
            insert.bind(current.referentieNummer, at: 4)
            insert.bind(current.vorigReferentieNummer, at: 5)
            insert.bind(prepared.bsn(position), at: 6)
            insert.bind(worked.client, at: 7)
            insert.bind(current.toewijzingNummer, at: 8)
            insert.bind(current.productCategorie, at: 9)
            insert.bind(current.productCode, at: 10)
            insert.bind(worked.periodStart, at: 11)
            insert.bind(worked.periodEnd, at: 12)
            insert.bind(current.geleverdVolume, at: 13)
            insert.bind(current.eenheid, at: 14)
            insert.bind(current.productTarief, at: 15)
            insert.bind(current.ingediendBedrag, at: 16)
            insert.bind(current.debetCredit.rawValue, at: 17)
            try insert.run()
            let lineID = db.lastInsertedRowID
            if current.debetCredit == .credit, let debitID = credits[position] {
                try db.execute(sql: "UPDATE line SET creditedByLineID = ? WHERE id = ?", arguments: [lineID, debitID])
                try outbox.append(db, kind: LineCredited.kind, body: try worked.body.bytes(lineID: lineID))
                granted -= current.ingediendBedrag
            } else {
                try outbox.append(db, kind: LineAccepted.kind, body: try worked.body.bytes(lineID: lineID))
                granted += current.ingediendBedrag
            }
        }
        try db.execute(
            sql: "UPDATE declaration SET grantedCents = ? WHERE id = ?", arguments: [granted, declarationID])
        return granted
    }

    static let insertLineSQL = """
        INSERT INTO line (declarationID, aanbieder, gemeente, referentieNummer, vorigReferentieNummer, bsn, client,
            toewijzingNummer, productCategorie, productCode, periodStart, periodEnd, volume, eenheid, tariffCents,
            amountCents, debetCredit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
