import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Storage

/// Applies one consumer batch of intake's facts to monitor's ledger, inside the
/// consumer's transaction (with the cursor), so a crash can never leave a counted line
/// without its alert or an alert without its line.
///
/// Each line is judged as it comes, against the norms' state in memory (`LedgerState`):
/// an alert fires on the line that crossed its threshold and with that line's value, and
/// a later line of the same batch can resolve it, exactly as line by line. What the
/// store gets is each touched cell, month and value once when the batch ends, and an
/// alert, advice or flag only when one changes.
struct BatchLedger {
    let now: Date
    let today: Day
    /// The exception routes by which a client may enter during a stop.
    var routes = ExceptionRoutes.nijmegen
    /// Percent above a signaalplafond that advises a bestedingsruimte once its period ended.
    var previousPeriodMargin = 10
    var forecastSettings = RunRateForecast.Settings()
    /// When a client counts as (again) new: `instroom_gap_months`.
    var arrivals = CareArrivals()

    private var cells = BatchCells()
    private var touchedMonths: [Int64: Set<Month>] = [:]
    private var touchedValues: Set<Int64> = []

    init(
        now: Date, routes: ExceptionRoutes, previousPeriodMargin: Int, forecastSettings: RunRateForecast.Settings,
        arrivals: CareArrivals = CareArrivals()
    ) {
        self.arrivals = arrivals
        self.now = now
        self.today = Day.today(now: now)
        self.routes = routes
        self.previousPeriodMargin = previousPeriodMargin
        self.forecastSettings = forecastSettings
    }

    mutating func apply(_ db: Database, event: LoggedEvent, state: inout LedgerState) throws {
        switch event.kind {
        case LineAccepted.kind.rawValue:
            let line = try LineAccepted.decoded(from: event.body).line
            try add(db, line: line, sign: 1, state: &state)
            try arrived(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, toewijzingNummer: line.toewijzingNummer,
                day: line.periodStart, through: line.periodEnd, state: &state)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, toewijzingNummer: start.toewijzingNummer,
                day: start.begindatum, through: start.begindatum, state: &state)
        case ReferralRequested.kind.rawValue:
            try StopBook.recordReferral(db, try ReferralRequested.decoded(from: event.body))
        case LineCredited.kind.rawValue:
            try add(db, line: LineCredited.decoded(from: event.body).line, sign: -1, state: &state)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
        }
    }

    /// Writes what the batch changed: each touched cell, norm month and norm value once.
    func finish(_ db: Database, state: LedgerState) throws {
        try cells.write(db)
        for (normID, months) in touchedMonths {
            guard let norm = state.norms[normID] else { continue }
            for month in months {
                try NormMonthRecord.save(db, normID: normID, month: month, value: norm.months[month] ?? 0)
            }
        }
        for normID in touchedValues {
            guard let norm = state.norms[normID] else { continue }
            try db.cachedStatement(sql: Self.valueSQL).execute(arguments: [norm.value, normID])
        }
    }

    static let valueSQL = "UPDATE norm SET value = ? WHERE id = ?"

    private mutating func add(_ db: Database, line: DeclaredLine, sign: Int64, state: inout LedgerState) throws {
        let cents = line.amountCents * sign
        let month = line.monthOfCare
        cells.add(line, sign: sign)
        let matching = state.index.norms(for: line)
        for norm in matching where norm.kind == .intensiteitsnorm && state.norms[norm.id] != nil {
            if try IntensityLedger.add(db, state: &state.norms[norm.id]!, line: line, sign: sign, now: now) {
                touchedValues.insert(norm.id)
            }
        }
        for norm in matching where norm.kind.limitIsMoney && state.norms[norm.id] != nil {
            touchedMonths[norm.id, default: []].insert(month)
            touchedValues.insert(norm.id)
            try credit(db, &state.norms[norm.id]!, cents: cents, month: month)
        }
    }

    /// A money norm's month and value move by the line; its alerts and advice follow.
    private func credit(_ db: Database, _ norm: inout NormState, cents: Int64, month: Month) throws {
        norm.months[month, default: 0] += cents
        norm.value += cents
        let forecast = RunRateForecast.make(
            byMonth: norm.months, period: norm.norm.period, limit: norm.norm.limit, today: today,
            settings: forecastSettings)
        let value = norm.value
        try AlertBook.evaluate(db, norm: norm.norm, value: value, forecast: forecast, firing: &norm.firing, now: now)
        try StopBook.advise(db, state: &norm, value: value, forecast: forecast, today: today, now: now)
        try PeriodAdvice.check(
            db, state: &norm, value: value, marginPercent: previousPeriodMargin, today: today, now: now)
    }

    /// A client seen at a provider: instroomtargets in scope count the client if new to
    /// their scope in their period, and their alerts and stop advice follow; a client new
    /// to the provider while a stop is in force under a norm in scope is checked against
    /// the exemptions. The client's sightings are read only when a norm needs them.
    /// A client seen at a provider. Its months of care are recorded (`CareMonths`); a
    /// client arriving at the provider (new, or back after `instroom_gap_months` without
    /// care there) while a stop is in force under a norm in scope is checked against the
    /// exemptions; and an instroomtarget whose window (its period and the gap before it)
    /// the care touches is counted again, when the care added a month not known before.
    ///
    /// The recount reads the norm's window of `clientCareMonth` (issue 19's gap rule);
    /// issue 21 wants it incremental, from the client's own months, as the first-seen
    /// count was. Until then it runs only when a new month of care appears.
    private mutating func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        toewijzingNummer: String?, day: Day, through: Day, state: inout LedgerState
    ) throws {
        let month = day.month
        let inScope = state.index.norms(aanbieder: aanbieder, gemeente: gemeente).filter {
            $0.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "", productCode: productCode)
        }
        let stopped = inScope.filter { norm in
            norm.kind.allowsStop && norm.period.contains(day) && state.norms[norm.id]?.stop != nil
        }
        let newToProvider =
            stopped.isEmpty
            ? false
            : arrivals.arrivesNow(
                month,
                knownCare: try CareMonths.monthsAtProvider(
                    db, aanbieder: aanbieder, client: client,
                    in: month.adding(months: -arrivals.gapMonths)...month.adding(months: arrivals.gapMonths)))
        try InflowLedger.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, day: day)
        let changesBefore = db.totalChangesCount
        try CareMonths.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, from: day, through: through)
        let newCareMonth = db.totalChangesCount != changesBefore
        if newToProvider {
            for norm in stopped {
                guard let stop = state.norms[norm.id]?.stop else { continue }
                try StopBook.checkInflow(
                    db, norm: norm, stop: stop, gemeente: gemeente, aanbieder: aanbieder, client: client,
                    toewijzingNummer: toewijzingNummer, day: day, routes: routes, now: now)
            }
        }
        guard newCareMonth else { return }
        for norm in inScope where norm.kind == .instroomtarget && state.norms[norm.id] != nil {
            // A late line for a month before the period can end a gap inside it.
            let window = arrivals.window(for: norm.period)
            guard month <= window.upperBound, through.month >= window.lowerBound else { continue }
            try counted(db, &state.norms[norm.id]!)
        }
    }

    /// An instroomtarget counted again (its months written by `InflowCount`, and kept in
    /// memory as they are in the store); its alerts and advice follow, on the count and
    /// its run-rate forecast to the end of the period.
    private mutating func counted(_ db: Database, _ norm: inout NormState) throws {
        let value = try InflowCount.recount(db, norm: norm.norm, arrivals: arrivals)
        norm = try NormState.load(db, norm: norm.norm)
        let forecast = try MonitorDatabase.forecast(db, norm: norm.norm, today: today, settings: forecastSettings)
        try AlertBook.evaluate(db, norm: norm.norm, value: value, forecast: forecast, firing: &norm.firing, now: now)
        try StopBook.advise(db, state: &norm, value: value, forecast: forecast, today: today, now: now)
    }
}
