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
    /// Referrer types (COD327) whose clients may enter during a stop.
    var exemptReferrers: Set<String> = []
    /// Percent above a signaalplafond that advises a bestedingsruimte once its period ended.
    var previousPeriodMargin = 10
    var forecastSettings = RunRateForecast.Settings()

    private var cells = BatchCells()
    private var touchedMonths: [Int64: Set<Month>] = [:]
    private var touchedValues: Set<Int64> = []

    init(
        now: Date, exemptReferrers: Set<String>, previousPeriodMargin: Int, forecastSettings: RunRateForecast.Settings
    ) {
        self.now = now
        self.today = Day.today(now: now)
        self.exemptReferrers = exemptReferrers
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
                day: line.periodStart, state: &state)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, toewijzingNummer: start.toewijzingNummer,
                day: start.begindatum, state: &state)
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
    private mutating func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        toewijzingNummer: String?, day: Day, state: inout LedgerState
    ) throws {
        let inScope = state.index.norms(aanbieder: aanbieder, gemeente: gemeente).filter {
            $0.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "", productCode: productCode)
        }
        let needsSightings = inScope.contains { norm in
            norm.kind == .instroomtarget
                || (norm.kind.allowsStop && norm.period.contains(day) && state.norms[norm.id]?.stop != nil)
        }
        let sightings = needsSightings ? try InflowLedger.sightings(db, client: client) : []
        try InflowLedger.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, day: day)
        guard needsSightings else { return }
        let newToProvider = !sightings.contains { $0.aanbieder == aanbieder }
        for norm in inScope where state.norms[norm.id] != nil {
            let inPeriod = norm.period.contains(day)
            if inPeriod, newToProvider, norm.kind.allowsStop, let stop = state.norms[norm.id]?.stop {
                try StopBook.checkInflow(
                    db, norm: norm, stop: stop, gemeente: gemeente, aanbieder: aanbieder, client: client,
                    toewijzingNummer: toewijzingNummer, day: day, exemptReferrers: exemptReferrers, now: now)
            }
            guard norm.kind == .instroomtarget else { continue }
            // The client's first day in the norm's scope, before and after this sighting.
            let before = InflowLedger.firstDay(in: norm, among: sightings)
            let after = before.map { min($0, day.iso) } ?? day.iso
            let change = (InflowLedger.isNew(after, in: norm) ? 1 : 0) - (InflowLedger.isNew(before, in: norm) ? 1 : 0)
            guard inPeriod || change != 0 else { continue }
            try counted(db, &state.norms[norm.id]!, change: Int64(change))
        }
    }

    /// An instroomtarget's count moves (or is judged again); its alerts and advice follow.
    private mutating func counted(_ db: Database, _ norm: inout NormState, change: Int64) throws {
        if change != 0 {
            norm.value += change
            touchedValues.insert(norm.norm.id)
        }
        // A count has no run-rate forecast: the value is the projection.
        let value = norm.value
        try AlertBook.evaluate(db, norm: norm.norm, value: value, forecast: nil, firing: &norm.firing, now: now)
        try StopBook.advise(db, state: &norm, value: value, forecast: nil, today: today, now: now)
    }
}
