import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Storage

/// Applies intake's facts to monitor's ledger inside the consumer's transaction, and
/// fires or resolves alerts in that same transaction, so a crash can never leave a
/// counted line without its alert or an alert without its line.
struct LedgerWriter {
    let norms: NormIndex
    let now: Date

    func apply(_ db: Database, event: LoggedEvent) throws {
        switch event.kind {
        case LineAccepted.kind.rawValue:
            let line = try LineAccepted.decoded(from: event.body).line
            try add(db, line: line, sign: 1)
            try arrived(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, day: line.periodStart)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, day: start.begindatum)
        case LineCredited.kind.rawValue:
            try add(db, line: LineCredited.decoded(from: event.body).line, sign: -1)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
        }
    }

    /// A client seen at a provider: instroomtargets in scope are recounted and their
    /// alerts follow.
    private func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        day: Day
    ) throws {
        try InflowLedger.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, day: day)
        for norm in norms.norms(aanbieder: aanbieder, gemeente: gemeente)
        where norm.kind == .instroomtarget && norm.period.contains(day)
            && norm.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "", productCode: productCode)
        {
            let count = try InflowLedger.newClients(db, norm: norm)
            try db.execute(sql: "UPDATE norm SET value = ? WHERE id = ?", arguments: [count, norm.id])
            try AlertBook.evaluate(db, norm: norm, value: count, now: now)
        }
    }

    private func add(_ db: Database, line: DeclaredLine, sign: Int64) throws {
        let cents = line.amountCents * sign
        let month = line.monthOfCare.description
        try SpendCells.add(db, line: line, sign: sign)
        for norm in norms.norms(for: line) where norm.kind.limitIsMoney {
            try db.execute(
                sql: """
                    INSERT INTO normMonth (normID, month, value) VALUES (?, ?, ?)
                    ON CONFLICT DO UPDATE SET value = value + excluded.value
                    """,
                arguments: [norm.id, month, cents])
            try db.execute(sql: "UPDATE norm SET value = value + ? WHERE id = ?", arguments: [cents, norm.id])
            try AlertBook.evaluate(db, norm: norm, value: MonitorDatabase.normValue(db, normID: norm.id), now: now)
        }
    }
}
