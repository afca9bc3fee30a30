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
}
