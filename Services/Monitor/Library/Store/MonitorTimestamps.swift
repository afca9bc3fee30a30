import GRDB
import Storage

/// Monitor's people's decisions timed as the one timestamp encoding (`Timestamp`: ISO 8601
/// text, UTC, whole seconds), were Unix seconds (REAL) since monitor.v3.stops: stops, the
/// open advice to impose one, exemptions, CPV decisions and analyses. Each table is built
/// again with TEXT columns that only take that text, the values converted by SQLite to
/// exactly the text Swift writes for the same instant; ids and everything else as they were.
enum MonitorTimestamps {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v19.isoTimes") { db in
            func text(_ column: String) -> String { Timestamp.sqlText(fromUnixSeconds: column) }
            func check(_ column: String) -> String { "CHECK (\(Timestamp.sqlCheck(column)))" }
            try db.execute(
                sql: """
                    CREATE TABLE stop2 (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        imposedAt TEXT NOT NULL \(check("imposedAt")),
                        imposedBy TEXT NOT NULL,
                        imposeReason TEXT NOT NULL,
                        liftedAt TEXT \(check("liftedAt")),
                        liftedBy TEXT,
                        liftReason TEXT,
                        liftAdvisedAt TEXT \(check("liftAdvisedAt")),
                        liftDespite TEXT
                    );
                    INSERT INTO stop2
                    SELECT id, normID, \(text("imposedAt")), imposedBy, imposeReason, \(text("liftedAt")), liftedBy,
                        liftReason, \(text("liftAdvisedAt")), liftDespite
                    FROM stop;
                    DROP TABLE stop;
                    ALTER TABLE stop2 RENAME TO stop;
                    CREATE UNIQUE INDEX stopInForce ON stop(normID) WHERE liftedAt IS NULL;

                    CREATE TABLE stopAdvice2 (
                        normID INTEGER PRIMARY KEY REFERENCES norm(id),
                        advisedAt TEXT NOT NULL \(check("advisedAt"))
                    );
                    INSERT INTO stopAdvice2 SELECT normID, \(text("advisedAt")) FROM stopAdvice;
                    DROP TABLE stopAdvice;
                    ALTER TABLE stopAdvice2 RENAME TO stopAdvice;

                    CREATE TABLE exemption2 (
                        toewijzingNummer TEXT PRIMARY KEY,
                        reason TEXT NOT NULL,
                        recordedBy TEXT,
                        recordedAt TEXT NOT NULL \(check("recordedAt"))
                    );
                    INSERT INTO exemption2 SELECT toewijzingNummer, reason, recordedBy, \(text("recordedAt")) FROM exemption;
                    DROP TABLE exemption;
                    ALTER TABLE exemption2 RENAME TO exemption;

                    CREATE TABLE cpvDecision2 (
                        id INTEGER PRIMARY KEY,
                        toewijzingNummer TEXT NOT NULL,
                        normID INTEGER REFERENCES norm(id),
                        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                        reason TEXT NOT NULL,
                        decidedBy TEXT NOT NULL,
                        decidedAt TEXT NOT NULL \(check("decidedAt"))
                    );
                    INSERT INTO cpvDecision2
                    SELECT id, toewijzingNummer, normID, granted, reason, decidedBy, \(text("decidedAt")) FROM cpvDecision;
                    DROP TABLE cpvDecision;
                    ALTER TABLE cpvDecision2 RENAME TO cpvDecision;

                    CREATE TABLE analysis2 (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        day TEXT NOT NULL,
                        participants TEXT NOT NULL,
                        conclusion TEXT NOT NULL CHECK (length(trim(conclusion)) > 0),
                        plan TEXT NOT NULL,
                        followUp TEXT,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL \(check("recordedAt"))
                    );
                    INSERT INTO analysis2
                    SELECT id, normID, day, participants, conclusion, plan, followUp, recordedBy, \(text("recordedAt"))
                    FROM analysis;
                    DROP TABLE analysis;
                    ALTER TABLE analysis2 RENAME TO analysis;
                    CREATE INDEX analysisByNorm ON analysis(normID);
                    """)
        }
    }
}
