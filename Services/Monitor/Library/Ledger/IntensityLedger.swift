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
/// A client is judged per provider by default: the norm is a rule for what each provider
/// may deliver and declare, so two providers' care is not added up. A norm that says it
/// is about the child (`IntensityMeasure.perChild`) adds up one client's care at every
/// provider in its scope; its months are kept under `allProviders` instead of an AGB code.
///
/// A CPV approval (`IntensityApprovalBook`) raises the norm for its client's months.
enum IntensityLedger {
    /// The provider key of a per-child norm's months: care at all providers together.
    static let allProviders = ""

    /// The provider a line's care is judged under.
    static func provider(of aanbieder: String, _ measure: IntensityMeasure) -> String {
        measure.perChild ? allProviders : aanbieder
    }

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

    /// A line (or credit) that counts for the norm: its client's month changes and is
    /// judged again; the unlawful amount (the norm's value) follows by the change in the
    /// verdicts, never by a sum over the norm, and its alert is judged in memory.
    ///
    /// The client's months are read once and each changed month written once (with its
    /// use and verdict together): two statements for a line whose verdict holds.
    static func add(
        _ db: Database, state: inout NormState, line: DeclaredLine, sign: Int64, now: Date
    ) throws -> Bool {
        let norm = state.norm
        let measure = norm.intensity ?? IntensityMeasure()
        guard let scale = measure.scale(of: line.eenheid) else { return false }  // another unit: not comparable
        let aanbieder = provider(of: line.aanbieder, measure)
        var months = try clientMonths(db, normID: norm.id, aanbieder: aanbieder, client: line.client)
        let month = line.monthOfCare
        var record =
            months[month]
            ?? IntensityMonthRecord(
                normID: norm.id, aanbieder: aanbieder, client: line.client, month: month,
                firstDay: line.periodStart, lastDay: line.periodEnd)
        record.add(
            used: line.volume * scale * sign, cents: line.amountCents * sign, firstDay: line.periodStart,
            lastDay: line.periodEnd)
        months[month] = record
        let approvals = IntensityApprovalBook.applying(
            state.approvals, client: line.client, aanbieder: aanbieder, perChild: measure.perChild)
        let change = try judge(db, norm: norm, months: months, changed: [month], approvals: approvals, now: now)
        state.value += change
        let unlawful = state.value
        try AlertBook.evaluateIntensity(db, norm: norm, unlawfulCents: unlawful, firing: &state.firing, now: now)
        return change != 0
    }

    /// Recounts a norm from the volume cells (a norm added, or its scope or period changed);
    /// verdicts that change are published like any other.
    static func rebuild(_ db: Database, norm: NormDefinition, now: Date) throws -> Int64 {
        let measure = norm.intensity ?? IntensityMeasure()
        try IntensityMonthRecord.filter(IntensityMonthRecord.Columns.normID == norm.id).updateAll(
            db, IntensityMonthRecord.Columns.used.set(to: 0), IntensityMonthRecord.Columns.cents.set(to: 0))
        var request = VolumeCellRecord.all()
        if let aanbieder = norm.scope.aanbieder {
            request = request.filter(VolumeCellRecord.Columns.aanbieder == aanbieder)
        }
        var clients: [CareMonths.ClientAtProvider: [Month: IntensityMonthRecord]] = [:]
        let approvals = try IntensityApprovalBook.granted(db, normID: norm.id)[norm.id] ?? [:]
        let cells = try request.fetchCursor(db)
        while let cell = try cells.next() {
            // A month of care without a declared volume (`BatchCareMonths`) has no unit: skipped.
            guard !cell.eenheid.isEmpty, let month = Month(cell.month), norm.period.contains(month.firstDay),
                let scale = measure.scale(of: cell.eenheid),
                norm.scope.matches(
                    gemeente: cell.gemeente, aanbieder: cell.aanbieder, productCategorie: cell.categorie,
                    productCode: cell.productCode.isEmpty ? nil : cell.productCode),
                let firstDay = Day(iso: cell.firstDay), let lastDay = Day(iso: cell.lastDay)
            else { continue }
            let key = CareMonths.ClientAtProvider(
                aanbieder: provider(of: cell.aanbieder, measure), client: cell.client)
            if clients[key] == nil {
                clients[key] = try clientMonths(db, normID: norm.id, aanbieder: key.aanbieder, client: cell.client)
            }
            var record =
                clients[key]?[month]
                ?? IntensityMonthRecord(
                    normID: norm.id, aanbieder: key.aanbieder, client: cell.client, month: month, firstDay: firstDay,
                    lastDay: lastDay)
            record.add(used: cell.volume * scale, cents: cell.cents, firstDay: firstDay, lastDay: lastDay)
            clients[key]?[month] = record
        }
        // Clients with months under the norm but no cell any more are judged too (emptied).
        for record in try IntensityMonthRecord.filter(IntensityMonthRecord.Columns.normID == norm.id).fetchAll(db) {
            let key = CareMonths.ClientAtProvider(aanbieder: record.aanbieder, client: record.client)
            guard clients[key] == nil else { continue }
            clients[key] = try clientMonths(db, normID: norm.id, aanbieder: record.aanbieder, client: record.client)
        }
        for key in clients.keys.sorted(by: { ($0.aanbieder, $0.client) < ($1.aanbieder, $1.client) }) {
            let months = clients[key] ?? [:]
            let applying = IntensityApprovalBook.applying(
                approvals, client: key.client, aanbieder: key.aanbieder, perChild: measure.perChild)
            try judge(db, norm: norm, months: months, changed: Set(months.keys), approvals: applying, now: now)
        }
        try OpeningWeeksLedger.rebuild(db, norm: norm, now: now)
        return try settle(db, norm: norm, now: now)
    }

    /// Judges one client's months again after the CPV granted extra care: at the provider
    /// of the allocation, or at all providers together under a per-child norm. Returns the
    /// norm's unlawful amount, with its alert settled.
    static func rejudge(_ db: Database, norm: NormDefinition, owner: AllocationClients.Owner, now: Date) throws
        -> Int64
    {
        let measure = norm.intensity ?? IntensityMeasure()
        let aanbieder = provider(of: owner.aanbieder, measure)
        let months = try clientMonths(db, normID: norm.id, aanbieder: aanbieder, client: owner.client)
        let approvals = IntensityApprovalBook.applying(
            try IntensityApprovalBook.granted(db, normID: norm.id)[norm.id] ?? [:], client: owner.client,
            aanbieder: aanbieder, perChild: measure.perChild)
        try judge(db, norm: norm, months: months, changed: [], approvals: approvals, now: now)
        return try settle(db, norm: norm, now: now)
    }

    /// One client's months under the norm, by month.
    private static func clientMonths(
        _ db: Database, normID: Int64, aanbieder: String, client: String
    ) throws -> [Month: IntensityMonthRecord] {
        var months: [Month: IntensityMonthRecord] = [:]
        for record in try IntensityMonthRecord.clientMonths(db, normID: normID, aanbieder: aanbieder, client: client) {
            guard let month = Month(record.month) else { continue }
            months[month] = record
        }
        return months
    }

    /// Judges one client's months at one provider, writes the months whose use (`changed`)
    /// or verdict changed, and publishes every verdict that changed what the norm says;
    /// returns by how much the norm's unlawful amount (structural months) changed.
    @discardableResult
    private static func judge(
        _ db: Database, norm: NormDefinition, months: [Month: IntensityMonthRecord], changed: Set<Month>,
        approvals: [IntensityApproval], now: Date
    ) throws -> Int64 {
        let verdicts = IntensityAssessment.assess(
            months.compactMapValues(\.use), limit: norm.limit, measure: norm.intensity ?? IntensityMeasure(),
            approvals: approvals)
        var change: Int64 = 0
        // Month by month, so the verdicts are published in the same order every time.
        for (month, stored) in months.sorted(by: { $0.key < $1.key }) {
            let previous = stored.verdict
            let verdict = verdicts[month] ?? previous
            guard verdict != previous || changed.contains(month) else { continue }
            var record = stored
            record.verdict = verdict
            change +=
                (verdict.structural ? verdict.amountAboveCents : 0)
                - (previous.structural ? previous.amountAboveCents : 0)
            // Months with nothing left (a line and its credit) go.
            if record.isEmpty { try record.deleteMonth(db) } else { try record.save(db) }
            // Only a change in what the norm says is news (above it, structural, its cost, or
            // care above the plain norm the CPV approved); a new allowed figure alone is not.
            guard
                verdict.above != previous.above || verdict.structural != previous.structural
                    || verdict.amountAboveCents != previous.amountAboveCents
                    || (verdict.approved ?? 0) != (previous.approved ?? 0)
            else { continue }
            let event = IntensityAssessed(
                normID: norm.id, aanbieder: stored.aanbieder, client: stored.client, month: month, used: record.used,
                verdict: verdict, at: now)
            try Outbox.append(db, event, at: now)
        }
        return change
    }

    /// The norm's value (the amount that would be unlawful) and its alert.
    @discardableResult
    private static func settle(_ db: Database, norm: NormDefinition, now: Date) throws -> Int64 {
        let unlawful =
            try IntensityMonthRecord.filter(
                IntensityMonthRecord.Columns.normID == norm.id && IntensityMonthRecord.Columns.structural == true
            ).select(sum(IntensityMonthRecord.Columns.amountAbove), as: Int64.self).fetchOne(db) ?? 0
        try db.cachedStatement(sql: "UPDATE norm SET value = ? WHERE id = ?").execute(arguments: [unlawful, norm.id])
        var firing = try AlertBook.firing(db, normID: norm.id)
        try AlertBook.evaluateIntensity(db, norm: norm, unlawfulCents: unlawful, firing: &firing, now: now)
        return unlawful
    }

    /// Months above the norm, for `plafond norm show`: newest first.
    static func monthsAbove(_ db: Database, normID: Int64, limit: Int = 50) throws -> [IntensityMonthStatus] {
        try IntensityMonthRecord.filter(
            IntensityMonthRecord.Columns.normID == normID && IntensityMonthRecord.Columns.above > 0
        ).order(IntensityMonthRecord.Columns.month.desc, IntensityMonthRecord.Columns.amountAbove.desc)
            .limit(limit).fetchAll(db).compactMap { record in
                guard let month = Month(record.month) else { return nil }
                return IntensityMonthStatus(
                    aanbieder: record.aanbieder, client: record.client, month: month, used: record.used,
                    verdict: record.verdict)
            }
    }
}
