import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The 47-weeks norm (`IntensityMeasure.openWeeks`): per norm, provider (or all, under a
/// per-child norm), client and ISO year, the weeks in which a declared line's period has a
/// day (`OpeningWeeks`), kept as a bit set (bit n − 1 for week n). The first time a
/// client's count passes the norm in a year, `opening.weeks.above` is published once: a
/// signal, never a verdict, because a provider declaring whole months shows every week.
///
/// A credit does not take weeks away, as it does not undo a month of care for the
/// instroomtarget: the client was there.
enum OpeningWeeksLedger {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v19.openWeeks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE openWeeks (
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        weeks INTEGER NOT NULL,
                        signalled INTEGER NOT NULL CHECK (signalled IN (0, 1)),
                        PRIMARY KEY (normID, aanbieder, client, year)
                    ) WITHOUT ROWID
                    """)
        }
    }

    /// The weeks a period touches, as a bit set per ISO year.
    static func weeks(from start: Day, through end: Day) -> [Int: Int64] {
        var result: [Int: Int64] = [:]
        for week in OpeningWeeks.weeks(from: start, through: end) {
            result[week.year, default: 0] |= Int64(1) << Int64(week.number - 1)
        }
        return result
    }

    /// A debit line that counts for the norm: its weeks join the client's; a count that
    /// passes the norm for the first time in the year is published. One read per year the
    /// line touches, and a write only when a week is new.
    static func add(
        _ db: Database, norm: NormDefinition, aanbieder: String, client: String, from start: Day, through end: Day,
        now: Date
    ) throws {
        guard let measure = norm.intensity, let limit = measure.openWeeks else { return }
        let provider = IntensityLedger.provider(of: aanbieder, measure)
        for (year, added) in weeks(from: start, through: end) {
            let row = try Row.fetchOne(
                try db.cachedStatement(sql: readSQL), arguments: [norm.id, provider, client, year])
            let before: Int64 = row?["weeks"] ?? 0
            let signalled: Bool = row?["signalled"] ?? false
            let after = before | added
            guard after != before else { continue }
            let count = after.nonzeroBitCount
            let signal = count > limit && !signalled
            try db.cachedStatement(sql: saveSQL).execute(
                arguments: [norm.id, provider, client, year, after, signalled || signal])
            if signal {
                try Outbox.append(
                    db,
                    OpeningWeeksAbove(
                        normID: norm.id, aanbieder: provider, client: client, year: year, weeks: count, limit: limit,
                        at: now),
                    at: now)
            }
        }
    }

    /// Counts a norm again from the volume cells (added, or its scope or period changed):
    /// each cell's first to last day in its month. A client signalled before is not
    /// signalled again. Lines with a gap inside one month count the weeks between (a cell
    /// keeps the month's first and last day only), so a norm added later can count more
    /// weeks than one that saw each line.
    static func rebuild(_ db: Database, norm: NormDefinition, now: Date) throws {
        try db.execute(sql: "UPDATE openWeeks SET weeks = 0 WHERE normID = ?", arguments: [norm.id])
        guard norm.intensity?.openWeeks != nil else { return }
        var request = VolumeCellRecord.all()
        if let aanbieder = norm.scope.aanbieder {
            request = request.filter(VolumeCellRecord.Columns.aanbieder == aanbieder)
        }
        let cells = try request.fetchCursor(db)
        while let cell = try cells.next() {
            // A month of care without a declared volume (`BatchCareMonths`) was never a line's.
            guard !cell.eenheid.isEmpty, let first = Day(iso: cell.firstDay),
                let last = Day(iso: cell.lastDay), norm.period.contains(first),
                norm.scope.matches(
                    gemeente: cell.gemeente, aanbieder: cell.aanbieder, productCategorie: cell.categorie,
                    productCode: cell.productCode.isEmpty ? nil : cell.productCode)
            else { continue }
            try add(
                db, norm: norm, aanbieder: cell.aanbieder, client: cell.client, from: first, through: last, now: now)
        }
    }

    static let readSQL = """
        SELECT weeks, signalled FROM openWeeks WHERE normID = ? AND aanbieder = ? AND client = ? AND year = ?
        """
    static let saveSQL = """
        INSERT INTO openWeeks (normID, aanbieder, client, year, weeks, signalled) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET weeks = excluded.weeks, signalled = excluded.signalled
        """
}
