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
            try add(db, line: LineAccepted.decoded(from: event.body).line, sign: 1)
        case LineCredited.kind.rawValue:
            try add(db, line: LineCredited.decoded(from: event.body).line, sign: -1)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
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
