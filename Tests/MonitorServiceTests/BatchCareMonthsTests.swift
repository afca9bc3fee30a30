import Domain
import GRDB
import Storage
import Testing

@testable import MonitorService

/// Monitor's months of care in its volume cells (0.19.0): a month is new once, whether the
/// store or an earlier line of the batch knows it; a month a line declared a volume in gets
/// its cell from `BatchCells`, any other month a cell without volume.
@Suite struct BatchCareMonthsTests {
    static let march = Day(iso: "2026-03-01")!
    static let april = Day(iso: "2026-04-20")!

    @Test func aMonthIsNewOnceAcrossTheBatchAndTheStore() throws {
        let database = try MonitorDatabase.inMemory()
        try database.writer.write { db in
            var batch = BatchCareMonths()
            let first = try batch.record(
                db, aanbieder: "A", gemeente: "0268", categorie: "45", productCode: nil, client: "c1",
                from: Self.march, through: Self.april, declared: Self.march.month)
            #expect(first.map(\.month.description) == ["2026-03", "2026-04"])
            let again = try batch.record(
                db, aanbieder: "A", gemeente: "0268", categorie: "45", productCode: nil, client: "c1",
                from: Self.april, through: Self.april, declared: Self.april.month)
            #expect(again.isEmpty)
            // Another product is another month of care; another client knows nothing of c1's.
            let other = try batch.record(
                db, aanbieder: "A", gemeente: "0268", categorie: "45", productCode: "45A48", client: "c1",
                from: Self.march, through: Self.march, declared: nil)
            #expect(other.map(\.productCode) == ["45A48"])
            #expect(try batch.atProvider(db, aanbieder: "A", client: "c1").count == 3)
            #expect(try batch.atProvider(db, aanbieder: "A", client: "c2").isEmpty)
            try batch.write(db)
        }
        // March was declared (its volume cell is `BatchCells`'), so the store holds the two
        // months without volume: April of the two-month line, and the start in 45A48.
        let cells = try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT month, productCode, eenheid, volume FROM clientVolumeCell ORDER BY month, productCode")
        }
        #expect(
            cells.map { "\($0[0] as String) \($0[1] as String) '\($0[2] as String)' \($0[3] as Int64)" } == [
                "2026-03 45A48 '' 0", "2026-04  '' 0",
            ])
        try database.writer.write { db in
            var next = BatchCareMonths()
            let known = try next.record(
                db, aanbieder: "A", gemeente: "0268", categorie: "45", productCode: nil, client: "c1",
                from: Self.april, through: Self.april, declared: Self.april.month)
            #expect(known.isEmpty)
            #expect(
                try next.atProvider(db, aanbieder: "A", client: "c1").map(\.month.description) == [
                    "2026-03", "2026-04",
                ])
        }
    }

    /// A store from before 0.19.0: its months of care move into the volume cells, as cells
    /// without volume where no cell holds the month, and their own table goes.
    @Test func theMigrationMovesTheMonthsOfCare() throws {
        let queue = try DatabaseQueue()
        let migrator = MonitorDatabase.migrator
        try migrator.migrate(queue, upTo: "monitor.v19.durationSignal")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO clientCareMonth (aanbieder, gemeente, categorie, productCode, client, month) VALUES
                        ('A', '0268', '45', '', 'c1', '2026-02'), ('A', '0268', '45', '', 'c1', '2026-03');
                    INSERT INTO clientVolumeCell (aanbieder, client, month, gemeente, categorie, productCode, eenheid,
                        volume, cents, firstDay, lastDay)
                    VALUES ('A', 'c1', '2026-03', '0268', '45', '', '04', 600, 48000, '2026-03-01', '2026-03-31');
                    """)
        }
        try migrator.migrate(queue)
        let (cells, tables) = try queue.read { db in
            (
                try Row.fetchAll(
                    db, sql: "SELECT month, eenheid, volume, firstDay, lastDay FROM clientVolumeCell ORDER BY month"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            )
        }
        #expect(
            cells.map {
                "\($0[0] as String) '\($0[1] as String)' \($0[2] as Int64) \($0[3] as String) \($0[4] as String)"
            }
                == ["2026-02 '' 0 2026-02-01 2026-02-28", "2026-03 '04' 600 2026-03-01 2026-03-31"])
        #expect(!tables.contains("clientCareMonth"))
    }
}
