import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The CPV's decisions on extra care above an intensiteitsnorm, granted and refused, per
/// norm and client (`intensityApproval`). A granted one raises the norm for that client's
/// months in its period (`IntensityAssessment`); a refused one is kept for the CPV's
/// figures ("het aantal toekenningen en afwijzingen") and changes no verdict.
enum IntensityApprovalBook {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        AllocationClients.registerMigrations(&migrator)
        migrator.registerMigration("monitor.v19.intensityApproval") { db in
            try db.execute(
                sql: """
                    CREATE TABLE intensityApproval (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        toewijzingNummer TEXT NOT NULL,
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                        extra INTEGER NOT NULL CHECK (extra > 0),
                        fromMonth TEXT NOT NULL,
                        throughMonth TEXT NOT NULL CHECK (throughMonth >= fromMonth),
                        reason TEXT NOT NULL,
                        decidedBy TEXT NOT NULL,
                        decidedAt TEXT NOT NULL CHECK (\(Timestamp.sqlCheck("decidedAt")))
                    );
                    CREATE INDEX intensityApprovalByNorm ON intensityApproval(normID, client);
                    -- The CPV's verdict on a month's excess travels with it: the units above the
                    -- plain norm that an approval makes lawful (NULL without an approval).
                    ALTER TABLE intensityMonth ADD COLUMN approved INTEGER;
                    """)
        }
    }

    /// A granted approval for one client at one provider.
    struct Granted: Sendable, Equatable {
        var aanbieder: String
        var approval: IntensityApproval
    }

    /// A norm's granted approvals, by client.
    typealias ByClient = [String: [Granted]]

    static func record(
        _ db: Database, _ request: IntensityCPVRequest, measure: IntensityMeasure, owner: AllocationClients.Owner,
        now: Date
    ) throws -> IntensityCPVDecided {
        try db.execute(
            sql: """
                INSERT INTO intensityApproval (normID, toewijzingNummer, aanbieder, client, granted, extra, fromMonth,
                    throughMonth, reason, decidedBy, decidedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.normID, request.toewijzingNummer, owner.aanbieder, owner.client, request.granted,
                request.extra, request.from.description, request.through.description, request.reason, request.by,
                Timestamp.iso8601(now),
            ])
        let event = IntensityCPVDecided(
            decisionID: db.lastInsertedRowID, request: request, measure: measure, aanbieder: owner.aanbieder,
            client: owner.client, at: now)
        try Outbox.append(db, event, at: now)
        return event
    }

    /// Granted approvals by norm and client: every norm at start, or one (`normID`).
    static func granted(_ db: Database, normID: Int64? = nil) throws -> [Int64: ByClient] {
        var sql = """
            SELECT normID, aanbieder, client, extra, fromMonth, throughMonth FROM intensityApproval WHERE granted = 1
            """
        var arguments: StatementArguments = []
        if let normID {
            sql += " AND normID = ?"
            arguments = [normID]
        }
        var result: [Int64: ByClient] = [:]
        for row in try GrantedRow.fetchAll(db.cachedStatement(sql: sql + " ORDER BY id"), arguments: arguments) {
            guard let from = Month(row.fromMonth), let through = Month(row.throughMonth) else { continue }
            let granted = Granted(
                aanbieder: row.aanbieder, approval: IntensityApproval(extra: row.extra, from: from, through: through))
            result[row.normID, default: [:]][row.client, default: []].append(granted)
        }
        return result
    }

    private struct GrantedRow: Decodable, FetchableRecord {
        var normID: Int64
        var aanbieder: String
        var client: String
        var extra: Int64
        var fromMonth: String
        var throughMonth: String
    }

    /// The approvals that count for a client's months at `aanbieder`: those for that
    /// provider, or all of the client's under a norm that judges per child.
    static func applying(_ approvals: ByClient, client: String, aanbieder: String, perChild: Bool)
        -> [IntensityApproval]
    {
        (approvals[client] ?? []).filter { perChild || $0.aanbieder == aanbieder }.map(\.approval)
    }
}
