import GRDB

/// Indexes that let one gemeente's (or regio's) indicators read only that area's rows.
/// Without them `/api/indicators?gemeente=…` and the gemeente's report read every
/// client-month and first-seen row of the country: 82 ms at 700,000 lines and 542 ms at
/// 7 million (docs/BENCHMARKS.md), against about 1 ms with them.
enum AreaIndexes {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v5.areaIndexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX clientMonthByArea ON clientMonth(gemeente, month);
                    CREATE INDEX clientFirstSeenByArea ON clientFirstSeen(gemeente, categorie, client, firstDay);
                    CREATE INDEX careEndByArea ON careEnd(gemeente, einddatum);
                    CREATE INDEX referralByArea ON referral(gemeente, day);
                    """)
        }
    }

    /// The same for the council's figures (per product, arrivals by the gap rule, length of
    /// care, volume per unit), which came after: each read every row of the country's
    /// table for one gemeente, about 130 ms apiece at 700,000 lines and the bulk of a
    /// gemeente's `/api/indicators` and report (docs/BENCHMARKS.md, stop 30). Each index
    /// holds what its query reads (with the table's key, which an index of a WITHOUT ROWID
    /// table carries), so the rows are read from the index alone.
    static func registerCouncilFigureMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v20.councilFigureAreaIndexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX clientProductMonthByArea ON clientProductMonth(gemeente, month, cents);
                    CREATE INDEX clientCareMonthByArea ON clientCareMonth(gemeente, month);
                    CREATE INDEX clientMonthUnitByArea ON clientMonthUnit(gemeente, month, volume);
                    """)
        }
    }
}
