import Contracts
import Domain
import GRDB
import Messaging
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
        // months without volume: April of the two-month line (its days in April only), and
        // the start in 45A48.
        let cells = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT month, productCode, eenheid, volume, firstDay, lastDay FROM clientVolumeCell
                    ORDER BY month, productCode
                    """)
        }
        #expect(
            cells.map { row in (0..<6).map { "\(row[$0] as DatabaseValue)" }.joined(separator: " ") } == [
                #""2026-03" "45A48" "" 0 "2026-03-01" "2026-03-01""#, #""2026-04" "" "" 0 "2026-04-01" "2026-04-20""#,
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

    /// Through monitor's consumer: a start, a two-month line and a line declaring the second
    /// month, in one batch or one by one, leave the same months of care, each month's volume
    /// in its cell, and one arrival for the instroomtarget.
    @Test func theConsumerKeepsTheMonthsInOneBatchAsOneByOne() throws {
        let base = MonitorCoreTests()
        var twoMonths = base.line(1, cents: 1_000)
        twoMonths.periodStart = Self.march
        twoMonths.periodEnd = Self.april
        var april = base.line(2, cents: 2_000)
        april.periodStart = Day(iso: "2026-04-01")!
        april.periodEnd = Day(iso: "2026-04-30")!
        let start = CareStarted(
            gemeente: "0268", aanbieder: "12345678", client: "p-1", toewijzingNummer: "1", productCategorie: "45",
            productCode: "45A03", begindatum: Day(iso: "2026-02-10")!, withdrawn: false)
        let events = [
            LoggedEvent(seq: 1, kind: CareStarted.kind.rawValue, body: try start.encoded()),
            try base.event(2, accepted: twoMonths), try base.event(3, accepted: april),
        ]
        func run(_ batches: [[LoggedEvent]]) throws -> (
            months: [String], volumes: [String], withoutVolume: [String], arrivals: Int64
        ) {
            let core = try base.makeCore()
            _ = try core.addNorm(
                NormAddRequest(
                    name: "Instroom", kind: .instroomtarget, gemeenten: ["0268"], aanbieder: "12345678",
                    productCategorieen: ["45"], period: "2026", limit: 10))
            for batch in batches { try core.intakeSink(afterCommit: {}).apply(batch) }
            let arrivals = try core.normStatuses()[0].value
            return try core.database.writer.read { db in
                (
                    try String.fetchAll(
                        db, sql: "SELECT DISTINCT month FROM clientVolumeCell WHERE client = 'p-1' ORDER BY month"),
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT month || ' ' || volume || ' ' || cents FROM clientVolumeCell
                            WHERE client = 'p-1' AND eenheid <> '' ORDER BY month
                            """),
                    try String.fetchAll(
                        db,
                        sql: "SELECT month FROM clientVolumeCell WHERE client = 'p-1' AND eenheid = '' ORDER BY month"),
                    arrivals
                )
            }
        }
        let together = try run([events])
        let oneByOne = try run(events.map { [$0] })
        #expect(together.months == ["2026-02", "2026-03", "2026-04"])
        #expect(together.volumes == ["2026-03 1 1000", "2026-04 1 2000"])
        #expect(together.arrivals == 1)
        // In one batch April's volume came with it: only February (the start) is a month
        // without volume. One by one, April was one until its line came.
        #expect(together.withoutVolume == ["2026-02"])
        #expect(oneByOne.withoutVolume == ["2026-02", "2026-04"])
        #expect(oneByOne.months == together.months && oneByOne.volumes == together.volumes)
        #expect(oneByOne.arrivals == together.arrivals)
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
