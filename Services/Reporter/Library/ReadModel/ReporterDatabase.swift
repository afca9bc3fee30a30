import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Storage

/// Reporter's read model: built only from intake's and monitor's event logs, so it can
/// be thrown away and rebuilt from zero (`--rebuild`) at any time.
public struct ReporterDatabase: Sendable {
    /// The module's own: other modules go through the methods named after what they do.
    let writer: any DatabaseWriter
    /// "Today" for forecasts; injectable so tests do not depend on the date they run.
    let clock: @Sendable () -> Date
    /// The forecast's settings, as monitor's (`[monitor] forecast_lag_days`, `forecast_months`).
    public var forecastSettings = RunRateForecast.Settings()
    /// When a client counts as (again) new, as monitor's (`[monitor] instroom_gap_months`).
    public var arrivals = CareArrivals()
    /// `[reporter] duur_signaal_maanden`: longer in care at one provider is a signal.
    public var durationSignalMonths = 12
    /// Notifier's `escalate_after`: an alert nobody acknowledged is escalated this long
    /// after it fired; the start page says when.
    public var escalateAfter: TimeInterval = 14 * 86_400
    let normDefinitions = NormDefinitionCache()
    /// Copies the WAL into the file beside the three consumers (a file store only): the
    /// reporter is the slowest consumer at national scale, and a checkpoint in its
    /// commits was work on the thread that applies the logs (docs/BENCHMARKS.md).
    private let checkpointer: WALCheckpointer?

    public init(
        writer: any DatabaseWriter, clock: @escaping @Sendable () -> Date = Date.init,
        checkpointer: WALCheckpointer? = nil
    ) {
        self.writer = writer
        self.clock = clock
        self.checkpointer = checkpointer
    }

    /// Decodes the norm definitions now, so that no request pays for it: 10,000 of them
    /// took the first dashboard request after a change 225–295 ms at 7 million lines
    /// (docs/BENCHMARKS.md).
    public func warmNormDefinitions() throws {
        _ = try writer.read { try normDefinitions.all($0) }
    }

    /// `logger` hears when the store's checkpoints fail and work again (a full disk).
    public static func open(path: String, rebuild: Bool = false, logger: Logger? = nil) throws -> ReporterDatabase {
        if rebuild {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        // Two sort threads: a whole area's figures sort a table by client (`ClientTally`);
        // 4.8 → 3.1 s for a country's year of client-units at 100× (docs/BENCHMARKS.md, stop 33).
        let writer = try StoreOpener.open(
            path: path, migrator: migrator, autocheckpointPages: WALCheckpointer.writerBackstopPages, sortThreads: 2)
        let checkpointer = try WALCheckpointer(path: path) {
            logger?.log(level: $0.failed ? .error : .notice, "\($0.message)")
        }
        return ReporterDatabase(writer: writer, checkpointer: checkpointer)
    }

    public static func inMemory(clock: @escaping @Sendable () -> Date = Date.init) throws -> ReporterDatabase {
        ReporterDatabase(writer: try StoreOpener.inMemory(migrator: migrator), clock: clock)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ConsumerCursor.registerMigrations(&migrator)
        SpendCells.registerMigrations(&migrator)
        InflowLedger.registerMigrations(&migrator)
        migrator.registerMigration("reporter.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE norm (
                        id INTEGER PRIMARY KEY,
                        definition BLOB NOT NULL,
                        version INTEGER NOT NULL,
                        changedAt TEXT NOT NULL
                    );
                    CREATE TABLE alert (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL,
                        alertKind TEXT NOT NULL,
                        threshold INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        normLimit INTEGER NOT NULL,
                        firedAt TEXT NOT NULL,
                        resolvedAt TEXT
                    );
                    CREATE INDEX alertByNorm ON alert(normID);
                    """)
        }
        Timeline.registerMigrations(&migrator)
        IndicatorFacts.registerMigrations(&migrator)
        IntensityFigures.registerMigrations(&migrator)
        AreaIndexes.registerMigrations(&migrator)
        HandlingFacts.registerMigrations(&migrator)
        ProviderNames.registerMigrations(&migrator)
        CareMonths.registerMigrations(&migrator)
        IndicatorFacts.registerVolumeByUnitMigration(&migrator)
        ProductFacts.registerMigrations(&migrator)
        AllocationFacts.registerMigrations(&migrator)
        // Norms in columns, not a JSON blob (0.18.0).
        NormDefinitionTables.registerMigration(&migrator, named: "reporter.v18.normColumns")
        // 0.19.0: intensiteitsnormen per child across providers.
        NormDefinitionTables.registerPerChildMigration(&migrator, named: "reporter.v19.intensityPerChild")
        NormDefinitionTables.registerOpenWeeksMigration(&migrator, named: "reporter.v19.intensityOpenWeeks")
        NormDefinitionTables.registerMaxMonthsMigration(&migrator, named: "reporter.v19.intensityMaxMonths")
        AreaIndexes.registerCouncilFigureMigrations(&migrator)
        SignalFacts.registerMigrations(&migrator)
        return migrator
    }
}
