import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Intensiteitsnormen: care per client per week or month, kept per norm, provider, client
/// and month of care. Each line updates its client's month and re-judges that client's
/// months (`IntensityAssessment`); changed verdicts are published (`intensity.assessed`),
/// the norm's value is the amount that would be unlawful, and its alert follows.
///
/// A client is judged per provider: the norm is a rule for what each provider may deliver
/// and declare, so two providers' care is not added up.
enum IntensityLedger {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v4.intensity") { db in
            try db.execute(
                sql: """
                    -- Volume per client and month in every dimension a norm selects on, so an
                    -- intensiteitsnorm added later starts from what was already declared.
                    CREATE TABLE clientVolumeCell (
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        month TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        eenheid TEXT NOT NULL,
                        volume INTEGER NOT NULL,
                        cents INTEGER NOT NULL,
                        firstDay TEXT NOT NULL,
                        lastDay TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, client, month, gemeente, categorie, productCode, eenheid)
                    ) WITHOUT ROWID;
                    CREATE TABLE intensityMonth (
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        month TEXT NOT NULL,
                        used INTEGER NOT NULL,
                        cents INTEGER NOT NULL,
                        firstDay TEXT NOT NULL,
                        lastDay TEXT NOT NULL,
                        allowed INTEGER NOT NULL DEFAULT 0,
                        above INTEGER NOT NULL DEFAULT 0,
                        amountAbove INTEGER NOT NULL DEFAULT 0,
                        structural INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (normID, aanbieder, client, month)
                    ) WITHOUT ROWID;
                    -- The alert table's CHECK allowed only 'actual' and 'forecast'; SQLite cannot
                    -- alter a CHECK, so the table is rebuilt with the intensity kind allowed.
                    CREATE TABLE alertV4 (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        alertKind TEXT NOT NULL CHECK (alertKind IN ('actual', 'forecast', 'intensity')),
                        threshold INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
                        value INTEGER NOT NULL,
                        normLimit INTEGER NOT NULL,
                        firedAt TEXT NOT NULL,
                        resolvedAt TEXT
                    );
                    INSERT INTO alertV4 SELECT id, normID, alertKind, threshold, state, value, normLimit, firedAt,
                        resolvedAt FROM alert;
                    DROP TABLE alert;
                    ALTER TABLE alertV4 RENAME TO alert;
                    CREATE UNIQUE INDEX alertFiringOnce ON alert(normID, alertKind, threshold) WHERE state = 'firing';
                    """)
        }
    }

    /// Adds a batch's volume for one client, month and product to its cell.
    static func record(
        _ db: Database, aanbieder: String, client: String, month: Month, gemeente: String, categorie: String,
        productCode: String?, eenheid: String, volume: Int64, cents: Int64, firstDay: Day, lastDay: Day
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO clientVolumeCell (aanbieder, client, month, gemeente, categorie, productCode, eenheid,
                    volume, cents, firstDay, lastDay)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET volume = volume + excluded.volume, cents = cents + excluded.cents,
                    firstDay = min(firstDay, excluded.firstDay), lastDay = max(lastDay, excluded.lastDay)
                """
        ).execute(arguments: [
            aanbieder, client, month.description, gemeente, categorie, productCode ?? "", eenheid, volume, cents,
            firstDay.iso, lastDay.iso,
        ])
    }

    /// A line (or credit) that counts for the norm: its client's month changes and is
    /// judged again; the unlawful amount (the norm's value) follows by the change in the
    /// verdicts, never by a sum over the norm, and its alert is judged in memory.
    static func add(
        _ db: Database, state: inout NormState, line: DeclaredLine, sign: Int64, now: Date
    ) throws -> Bool {
        let norm = state.norm
        let measure = norm.intensity ?? IntensityMeasure()
        guard let scale = measure.scale(of: line.eenheid) else { return false }  // another unit: not comparable
        try addUse(
            db, normID: norm.id, aanbieder: line.aanbieder, client: line.client, month: line.monthOfCare,
            used: line.volume * scale * sign, cents: line.amountCents * sign, firstDay: line.periodStart,
            lastDay: line.periodEnd)
        let change = try judge(db, norm: norm, aanbieder: line.aanbieder, client: line.client, now: now)
        state.value += change
        let unlawful = state.value
        try AlertBook.evaluateIntensity(db, norm: norm, unlawfulCents: unlawful, firing: &state.firing, now: now)
        return change != 0
    }

    /// Recounts a norm from the volume cells (a norm added, or its scope or period changed);
    /// verdicts that change are published like any other.
    static func rebuild(_ db: Database, norm: NormDefinition, now: Date) throws -> Int64 {
        let measure = norm.intensity ?? IntensityMeasure()
        try db.cachedStatement(
            sql: "UPDATE intensityMonth SET used = 0, cents = 0 WHERE normID = ?"
        ).execute(arguments: [norm.id])
        let cells: RowCursor
        if let aanbieder = norm.scope.aanbieder {
            cells = try Row.fetchCursor(
                db, sql: "SELECT * FROM clientVolumeCell WHERE aanbieder = ?", arguments: [aanbieder])
        } else {
            cells = try Row.fetchCursor(db, sql: "SELECT * FROM clientVolumeCell")
        }
        while let row = try cells.next() {
            let code: String = row["productCode"]
            guard let month = Month(row["month"] as String), norm.period.contains(month.firstDay),
                let scale = measure.scale(of: row["eenheid"]),
                norm.scope.matches(
                    gemeente: row["gemeente"], aanbieder: row["aanbieder"], productCategorie: row["categorie"],
                    productCode: code.isEmpty ? nil : code),
                let firstDay = Day(iso: row["firstDay"]), let lastDay = Day(iso: row["lastDay"])
            else { continue }
            try addUse(
                db, normID: norm.id, aanbieder: row["aanbieder"], client: row["client"], month: month,
                used: (row["volume"] as Int64) * scale, cents: row["cents"], firstDay: firstDay, lastDay: lastDay)
        }
        let clients = try Row.fetchAll(
            try db.cachedStatement(sql: "SELECT DISTINCT aanbieder, client FROM intensityMonth WHERE normID = ?"),
            arguments: [norm.id])
        for row in clients {
            try judge(db, norm: norm, aanbieder: row["aanbieder"], client: row["client"], now: now)
        }
        return try settle(db, norm: norm, now: now)
    }

    private static func addUse(
        _ db: Database, normID: Int64, aanbieder: String, client: String, month: Month, used: Int64, cents: Int64,
        firstDay: Day, lastDay: Day
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO intensityMonth (normID, aanbieder, client, month, used, cents, firstDay, lastDay)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET used = used + excluded.used, cents = cents + excluded.cents,
                    firstDay = min(firstDay, excluded.firstDay), lastDay = max(lastDay, excluded.lastDay)
                """
        ).execute(arguments: [normID, aanbieder, client, month.description, used, cents, firstDay.iso, lastDay.iso])
    }

    /// Judges one client's months at one provider and publishes every verdict that
    /// changed; returns by how much the norm's unlawful amount (structural months) changed.
    @discardableResult
    private static func judge(_ db: Database, norm: NormDefinition, aanbieder: String, client: String, now: Date)
        throws -> Int64
    {
        let rows = try Row.fetchAll(
            try db.cachedStatement(sql: clientMonthsSQL), arguments: [norm.id, aanbieder, client])
        var change: Int64 = 0
        var emptied = false
        var uses: [Month: IntensityUse] = [:]
        var stored: [Month: IntensityVerdict] = [:]
        var used: [Month: Int64] = [:]
        for row in rows {
            guard let month = Month(row["month"] as String), let first = Day(iso: row["firstDay"]),
                let last = Day(iso: row["lastDay"])
            else { continue }
            let days = min(month.dayCount, max(1, last.daysSince1970 - first.daysSince1970 + 1))
            uses[month] = IntensityUse(used: row["used"], cents: row["cents"], days: days)
            used[month] = row["used"]
            if (row["used"] as Int64) == 0 && (row["cents"] as Int64) == 0 && (row["above"] as Int64) == 0 {
                emptied = true
            }
            stored[month] = IntensityVerdict(
                allowed: row["allowed"], above: row["above"], amountAboveCents: row["amountAbove"],
                structural: row["structural"])
        }
        let verdicts = IntensityAssessment.assess(
            uses, limit: norm.limit, measure: norm.intensity ?? IntensityMeasure())
        // Month by month, so the verdicts are published in the same order every time.
        for (month, verdict) in verdicts.sorted(by: { $0.key < $1.key }) where verdict != stored[month] {
            let previous = stored[month]
            change +=
                (verdict.structural ? verdict.amountAboveCents : 0)
                - (previous.map { $0.structural ? $0.amountAboveCents : 0 } ?? 0)
            emptied = emptied || (verdict.above == 0 && (used[month] ?? 0) == 0)
            try db.cachedStatement(sql: verdictSQL).execute(arguments: [
                verdict.allowed, verdict.above, verdict.amountAboveCents, verdict.structural, norm.id, aanbieder,
                client, month.description,
            ])
            // Only a change in what the norm says is news; a new allowed figure alone is not.
            guard
                verdict.above != (previous?.above ?? 0) || verdict.structural != (previous?.structural ?? false)
                    || verdict.amountAboveCents != (previous?.amountAboveCents ?? 0)
            else { continue }
            let event = IntensityAssessed(
                normID: norm.id, aanbieder: aanbieder, client: client, month: month, used: used[month] ?? 0,
                verdict: verdict, at: now)
            try Outbox.append(db, kind: IntensityAssessed.kind.rawValue, body: try event.encoded(), at: now)
        }
        // Months with nothing left (a line and its credit) go; only when there may be one.
        if emptied {
            try db.cachedStatement(sql: emptyMonthsSQL).execute(arguments: [norm.id, aanbieder, client])
        }
        return change
    }

    // Per-line statements, checked against their plan in `PerLineQueryPlanTests`.
    static let clientMonthsSQL = "SELECT * FROM intensityMonth WHERE normID = ? AND aanbieder = ? AND client = ?"
    static let verdictSQL = """
        UPDATE intensityMonth SET allowed = ?, above = ?, amountAbove = ?, structural = ?
        WHERE normID = ? AND aanbieder = ? AND client = ? AND month = ?
        """
    static let emptyMonthsSQL = """
        DELETE FROM intensityMonth
        WHERE normID = ? AND aanbieder = ? AND client = ? AND used = 0 AND cents = 0 AND above = 0
        """

    /// The norm's value (the amount that would be unlawful) and its alert.
    @discardableResult
    private static func settle(_ db: Database, norm: NormDefinition, now: Date) throws -> Int64 {
        let unlawful =
            try Int64.fetchOne(
                try db.cachedStatement(
                    sql: "SELECT COALESCE(SUM(amountAbove), 0) FROM intensityMonth WHERE normID = ? AND structural = 1"),
                arguments: [norm.id]) ?? 0
        try db.cachedStatement(sql: "UPDATE norm SET value = ? WHERE id = ?").execute(arguments: [unlawful, norm.id])
        var firing = try AlertBook.firing(db, normID: norm.id)
        try AlertBook.evaluateIntensity(db, norm: norm, unlawfulCents: unlawful, firing: &firing, now: now)
        return unlawful
    }

    /// Months above the norm, for `plafond norm show`: newest first.
    static func monthsAbove(_ db: Database, normID: Int64, limit: Int = 50) throws -> [IntensityMonthStatus] {
        try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT * FROM intensityMonth WHERE normID = ? AND above > 0
                    ORDER BY month DESC, amountAbove DESC LIMIT ?
                    """), arguments: [normID, limit]
        ).compactMap { row in
            guard let month = Month(row["month"] as String) else { return nil }
            return IntensityMonthStatus(
                aanbieder: row["aanbieder"], client: row["client"], month: month, used: row["used"],
                verdict: IntensityVerdict(
                    allowed: row["allowed"], above: row["above"], amountAboveCents: row["amountAbove"],
                    structural: row["structural"]))
        }
    }
}
