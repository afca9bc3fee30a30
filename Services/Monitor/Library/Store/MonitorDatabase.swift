import Contracts
import Foundation
import GRDB
import Logging
import Storage

/// Monitor's own SQLite file: norms with their history, the spend ledger, alerts, the
/// cursor on intake's log and monitor's own outbox. Opened once, migrated before any
/// socket is bound.
public struct MonitorDatabase: Sendable {
    /// Monitor's code and this package's benchmarks (which seed shapes and checkpoint
    /// before timing) write through it; nothing outside the package sees it.
    package let writer: any DatabaseWriter
    /// Copies the WAL into the file beside the consumer (a file store only): a batch
    /// dirties thousands of pages, and checkpointing them in the committing thread was
    /// a quarter of monitor's time (docs/BENCHMARKS.md, issue 21).
    private let checkpointer: WALCheckpointer?

    package init(writer: any DatabaseWriter, checkpointer: WALCheckpointer? = nil) {
        self.writer = writer
        self.checkpointer = checkpointer
    }

    /// `logger` hears when the store's checkpoints fail and work again (a full disk).
    public static func open(path: String, logger: Logger? = nil) throws -> MonitorDatabase {
        let writer = try StoreOpener.open(
            path: path, migrator: migrator, cacheKiB: writerCacheKiB,
            autocheckpointPages: WALCheckpointer.writerBackstopPages)
        let checkpointer = try WALCheckpointer(path: path) {
            logger?.log(level: $0.failed ? .error : .notice, "\($0.message)")
        }
        return MonitorDatabase(writer: writer, checkpointer: checkpointer)
    }

    /// Every line writes a month of care and a volume cell keyed by client, so its pages
    /// are spread over tables of hundreds of MB at national scale; with SQLite's 2 MiB
    /// cache nearly every one was read from the file again (docs/BENCHMARKS.md, issue 21).
    /// 64 MiB holds the tables' inner pages; peak RSS stays under the 300 MB target.
    static let writerCacheKiB = 65_536

    public static func inMemory() throws -> MonitorDatabase {
        MonitorDatabase(writer: try StoreOpener.inMemory(migrator: migrator))
    }

    /// Append-only: a migration, once released, is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        ConsumerCursor.registerMigrations(&migrator)
        SpendCells.registerMigrations(&migrator)
        migrator.registerMigration("monitor.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE norm (
                        id INTEGER PRIMARY KEY,
                        definition BLOB NOT NULL,
                        version INTEGER NOT NULL CHECK (version >= 1),
                        ended INTEGER NOT NULL DEFAULT 0,
                        value INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE normHistory (
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        version INTEGER NOT NULL,
                        change TEXT NOT NULL,
                        definition BLOB NOT NULL,
                        changedBy TEXT,
                        changedAt TEXT NOT NULL,
                        PRIMARY KEY (normID, version)
                    );
                    -- Spend by month of care per norm, so charts and forecasts need no rescan.
                    CREATE TABLE normMonth (
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        month TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        PRIMARY KEY (normID, month)
                    ) WITHOUT ROWID;
                    CREATE TABLE alert (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        alertKind TEXT NOT NULL CHECK (alertKind IN ('actual', 'forecast')),
                        threshold INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
                        value INTEGER NOT NULL,
                        normLimit INTEGER NOT NULL,
                        firedAt TEXT NOT NULL,
                        resolvedAt TEXT
                    );
                    -- One firing alert per norm, kind and threshold: a second one for the same
                    -- crossing is impossible, whatever replays or restarts do.
                    CREATE UNIQUE INDEX alertFiringOnce ON alert(normID, alertKind, threshold) WHERE state = 'firing';
                    """)
        }
        InflowLedger.registerMigrations(&migrator)
        StopBook.registerMigrations(&migrator)
        IntensityLedger.registerMigrations(&migrator)
        PeriodAdvice.registerMigrations(&migrator)
        ProviderRegister.registerMigrations(&migrator)
        AnalysisBook.registerMigrations(&migrator)
        AdminReplies.registerMigrations(&migrator)
        InflowLedger.registerClientLookup(&migrator)
        StopBook.registerLiftDespiteMigration(&migrator)
        CareMonths.registerMigrations(&migrator)
        CPVBook.registerMigrations(&migrator)
        // Norms in columns, not a JSON blob (0.18.0).
        NormDefinitionTables.registerMigration(&migrator, named: "monitor.v18.normColumns")
        ReferralTeamColumn.registerMigrations(&migrator)
        // Monitor counts arrivals from the months of care since 0.18.0; the first-seen
        // table (and its per-line upsert) had no reader left here. The reporter keeps its own.
        migrator.registerMigration("monitor.v3.dropFirstSeen") { db in
            try db.execute(sql: "DROP TABLE clientFirstSeen")
        }
        InflowCount.registerMigrations(&migrator)
        // One timestamp encoding (0.19.0): every time as ISO 8601 text, was Unix seconds.
        AdminReplies.registerTimestampMigration(&migrator)
        MonitorTimestamps.register(&migrator)
        // 0.19.0: intensiteitsnormen per child across providers; CPV approvals of extra care.
        NormDefinitionTables.registerPerChildMigration(&migrator, named: "monitor.v19.intensityPerChild")
        IntensityApprovalBook.registerMigrations(&migrator)
        // 0.19.0: weeks a year with care, per client (the 47-weeks VDB norm, a signal).
        NormDefinitionTables.registerOpenWeeksMigration(&migrator, named: "monitor.v19.intensityOpenWeeks")
        OpeningWeeksLedger.registerMigrations(&migrator)
        // 0.19.0: months in care at one provider, per client (the duration norm, a signal).
        NormDefinitionTables.registerMaxMonthsMigration(&migrator, named: "monitor.v19.intensityMaxMonths")
        DurationLedger.registerMigrations(&migrator)
        // 0.19.0: months of care kept in the volume cells, one random page a line less.
        BatchCareMonths.registerMigrations(&migrator)
        return migrator
    }
}
