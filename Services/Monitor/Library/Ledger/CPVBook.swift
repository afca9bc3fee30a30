import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The CPV's decisions, granted and refused, kept for the contract manager's periodic
/// check and the council's figures. A granted one exempts the allocation from the stop
/// (as `plafond exempt --reden CPV`); a refused one is recorded and changes nothing else.
enum CPVBook {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.policy.v2.cpvDecisions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cpvDecision (
                        id INTEGER PRIMARY KEY,
                        toewijzingNummer TEXT NOT NULL,
                        normID INTEGER REFERENCES norm(id),
                        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                        reason TEXT NOT NULL,
                        decidedBy TEXT NOT NULL,
                        decidedAt REAL NOT NULL
                    )
                    """)
        }
    }

    static func record(_ db: Database, _ request: CPVDecisionRequest, now: Date) throws -> CPVDecided {
        try db.execute(
            sql: """
                INSERT INTO cpvDecision (toewijzingNummer, normID, granted, reason, decidedBy, decidedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.toewijzingNummer, request.normID, request.granted, request.reason, request.by,
                Timestamp.iso8601(now),
            ])
        let event = CPVDecided(decisionID: db.lastInsertedRowID, request: request, at: now)
        if request.granted {
            try StopBook.exempt(
                db, ExemptRequest(toewijzingNummer: request.toewijzingNummer, reason: .cpv, by: request.by), now: now)
        }
        try Outbox.append(db, event, at: now)
        return event
    }
}
