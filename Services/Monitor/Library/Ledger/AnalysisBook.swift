import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The analysegesprekken held about a norm, as people record them; each is published
/// (`analysis.recorded`) so it shows on the timeline beside the alerts and stops it
/// answers.
enum AnalysisBook {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v7.analyses") { db in
            try db.execute(
                sql: """
                    CREATE TABLE analysis (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        day TEXT NOT NULL,
                        participants TEXT NOT NULL,
                        conclusion TEXT NOT NULL CHECK (length(trim(conclusion)) > 0),
                        plan TEXT NOT NULL,
                        followUp TEXT,
                        recordedBy TEXT NOT NULL,
                        recordedAt REAL NOT NULL
                    );
                    CREATE INDEX analysisByNorm ON analysis(normID);
                    """)
        }
    }

    static func record(_ db: Database, _ request: AnalysisRecordRequest, now: Date) throws -> AnalysisRecorded {
        var request = request
        request.by = request.by.trimmingCharacters(in: .whitespacesAndNewlines)
        request.participants = request.participants.trimmingCharacters(in: .whitespacesAndNewlines)
        request.conclusion = request.conclusion.trimmingCharacters(in: .whitespacesAndNewlines)
        request.plan = request.plan.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !request.by.isEmpty, !request.conclusion.isEmpty else {
            throw MonitorError(
                .invalidRequest, "een analysegesprek wordt vastgelegd met wie het vastlegt en de conclusie")
        }
        guard request.day <= Day.today(now: now) else {
            throw MonitorError(.invalidRequest, "het gesprek van \(request.day.iso) ligt in de toekomst")
        }
        if let followUp = request.followUp, followUp < request.day {
            throw MonitorError(.invalidRequest, "de vervolgdatum ligt vóór het gesprek")
        }
        guard [request.participants, request.conclusion, request.plan].allSatisfy({ $0.count <= 4_000 }) else {
            throw MonitorError(.invalidRequest, "tekst te lang (hoogstens 4.000 tekens per veld)")
        }
        try db.execute(
            sql: """
                INSERT INTO analysis (normID, day, participants, conclusion, plan, followUp, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.normID, request.day.iso, request.participants, request.conclusion, request.plan,
                request.followUp?.iso, request.by, Timestamp.iso8601(now),
            ])
        let event = AnalysisRecorded(analysisID: db.lastInsertedRowID, request: request, at: now)
        try Outbox.append(db, event, at: now)
        return event
    }
}
