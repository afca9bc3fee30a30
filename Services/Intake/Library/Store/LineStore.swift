import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Storage

/// Stores the approved lines of a received declaration and publishes them, credits
/// first, in the transaction of the message itself.
struct LineStore {
    let pseudonymizer: Pseudonymizer
    let today: Day
    let now: Date

    /// Returns the granted amount, debits minus credits, in cents.
    func insertApproved(
        _ db: Database, _ declaration: Declaration, messageID: Int64,
        rejected: [LinePosition: [RetourCode]], credits: [LinePosition: Int64]
    ) throws -> Int64 {
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
        var granted: Int64 = 0
        // One keyed hash per client, not per line.
        let pseudonyms = declaration.clients.map { pseudonymizer.pseudonym(forBSN: $0.bsn) }
        let positions = declaration.clients.enumerated().flatMap { c, client in
            client.lines.indices.map { LinePosition(client: c, line: $0) }
        }
        // Credits before debits, as the standard processes them.
        let ordered =
            positions.filter { line(declaration, $0).debetCredit == .credit }
            + positions.filter { line(declaration, $0).debetCredit == .debet }
        for position in ordered where rejected[position] == nil {
            let bsn = declaration.clients[position.client].bsn
            let client = pseudonyms[position.client]
            let current = line(declaration, position)
            let lineID = try insert(db, current, bsn: bsn, client: client, declarationID: declarationID, header: header)
            let event = DeclaredLine(
                lineID: lineID, aanbieder: header.afzender, gemeente: header.ontvanger,
                client: client, referentieNummer: current.referentieNummer,
                vorigReferentieNummer: current.vorigReferentieNummer, toewijzingNummer: current.toewijzingNummer,
                productCategorie: current.productCategorie, productCode: current.productCode,
                periodStart: current.productPeriode.start, periodEnd: current.productPeriode.end,
                volume: current.geleverdVolume, eenheid: current.eenheid, tariffCents: current.productTarief,
                amountCents: current.ingediendBedrag, declaratieNummer: declaration.declaratieNummer, receivedOn: today)
            if current.debetCredit == .credit, let debitID = credits[position] {
                try db.execute(sql: "UPDATE line SET creditedByLineID = ? WHERE id = ?", arguments: [lineID, debitID])
                try Outbox.append(
                    db, kind: LineCredited.kind.rawValue, body: try LineCredited(line: event).encoded(), at: now)
                granted -= current.ingediendBedrag
            } else {
                try Outbox.append(
                    db, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: event).encoded(), at: now)
                granted += current.ingediendBedrag
            }
        }
        try db.execute(
            sql: "UPDATE declaration SET grantedCents = ? WHERE id = ?", arguments: [granted, declarationID])
        return granted
    }

    private func line(_ declaration: Declaration, _ position: LinePosition) -> DeclarationLine {
        declaration.clients[position.client].lines[position.line]
    }

    private func insert(
        _ db: Database, _ line: DeclarationLine, bsn: String, client: String, declarationID: Int64,
        header: MessageHeader
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO line (declarationID, aanbieder, gemeente, referentieNummer, vorigReferentieNummer, bsn, client,
                    toewijzingNummer, productCategorie, productCode, periodStart, periodEnd, volume, eenheid, tariffCents,
                    amountCents, debetCredit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                declarationID, header.afzender, header.ontvanger, line.referentieNummer, line.vorigReferentieNummer,
                bsn,
                client, line.toewijzingNummer, line.productCategorie, line.productCode,
                line.productPeriode.start.iso, line.productPeriode.end.iso, line.geleverdVolume, line.eenheid,
                line.productTarief, line.ingediendBedrag, line.debetCredit.rawValue,
            ])
        return db.lastInsertedRowID
    }
}
