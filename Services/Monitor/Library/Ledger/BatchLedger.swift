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
    private var careMonths = BatchCareMonths()
    /// A norm's month whose total the batch changed: one flat set, one hash of two small
    /// numbers per line and norm (a set per norm took two).
    private struct NormMonth: Hashable {
        var normID: Int64
        var month: Month
    }
    private var touchedMonths: Set<NormMonth> = []
    private var touchedValues: Set<Int64> = []
    /// Allocation numbers seen in the batch and whose client they name, written once each.
    private var allocations: [String: AllocationClients.Owner] = [:]

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
        switch event.eventKind {
        case LineAccepted.kind:
            let line = try LineAccepted.decoded(from: event.body).line
            seen(line.toewijzingNummer, aanbieder: line.aanbieder, client: line.client, state: &state)
            // One look in the index per line, for the line's norms and its arrival alike.
            let filed = state.index.filed(aanbieder: line.aanbieder, gemeente: line.gemeente)
            try add(db, line: line, sign: 1, filed: filed, state: &state)
            try arrived(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, toewijzingNummer: line.toewijzingNummer,
                day: line.periodStart, through: line.periodEnd, declared: line.monthOfCare, filed: filed, state: &state)
        case CareStarted.kind:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            seen(start.toewijzingNummer, aanbieder: start.aanbieder, client: start.client, state: &state)
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, toewijzingNummer: start.toewijzingNummer,
                day: start.begindatum, through: start.begindatum, declared: nil,
                filed: state.index.filed(aanbieder: start.aanbieder, gemeente: start.gemeente), state: &state)
        case AllocationReceived.kind:
            let allocation = try AllocationReceived.decoded(from: event.body)
            seen(
                allocation.toewijzingNummer, aanbieder: allocation.aanbieder, client: allocation.client,
                state: &state)
        case ReferralRequested.kind:
            try StopBook.recordReferral(db, try ReferralRequested.decoded(from: event.body))
        case LineCredited.kind:
            let line = try LineCredited.decoded(from: event.body).line
            let filed = state.index.filed(aanbieder: line.aanbieder, gemeente: line.gemeente)
            try add(db, line: line, sign: -1, filed: filed, state: &state)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
        }
    }

    /// An allocation number and its client, kept for the CPV's decisions on intensity:
    /// a number seen before costs one look-up in memory; a new one is written at the end.
    private mutating func seen(_ toewijzingNummer: String?, aanbieder: String, client: String, state: inout LedgerState)
    {
        guard let number = toewijzingNummer, !number.isEmpty, state.knownAllocations.insert(number).inserted else {
            return
        }
        allocations[number] = AllocationClients.Owner(aanbieder: aanbieder, client: client)
    }

    /// Writes what the batch changed: each touched cell, norm month and norm value once.
    func finish(_ db: Database, state: LedgerState) throws {
        try cells.write(db)
        try careMonths.write(db)
        try AllocationClients.record(db, allocations)
        for touched in touchedMonths {
            guard let norm = state.norms[touched.normID] else { continue }
            if let value = norm.months[touched.month] {
                try NormMonthRecord.save(db, normID: touched.normID, month: touched.month, value: value)
            } else {
                try NormMonthRecord.delete(db, normID: touched.normID, month: touched.month)
            }
        }
        for normID in touchedValues {
            guard let norm = state.norms[normID] else { continue }
            try db.cachedStatement(sql: Self.valueSQL).execute(arguments: [norm.value, normID])
        }
    }

    static let valueSQL = "UPDATE norm SET value = ? WHERE id = ?"

    private mutating func add(
        _ db: Database, line: DeclaredLine, sign: Int64, filed: [FiledNorm], state: inout LedgerState
    ) throws {
        let cents = line.amountCents * sign
        let month = line.monthOfCare
        cells.add(line, sign: sign)
        let matching = filed.filter { $0.norm.counts(line) && state.norms.index(forKey: $0.norm.id) != nil }
        for entry in matching where entry.norm.kind == .intensiteitsnorm {
            let id = entry.norm.id
            if try IntensityLedger.add(db, state: &state.norms[id]!, line: line, sign: sign, now: now) {
                touchedValues.insert(id)
            }
            // The weeks with care (any unit: care is care); a credit leaves them.
            if sign > 0 && entry.norm.intensity?.openWeeks != nil {
                try OpeningWeeksLedger.add(
                    db, norm: entry.norm, aanbieder: line.aanbieder, client: line.client, from: line.periodStart,
                    through: line.periodEnd, now: now)
            }
        }
        for entry in matching where entry.norm.kind.limitIsMoney {
            let id = entry.norm.id
            touchedMonths.insert(NormMonth(normID: id, month: month))
            touchedValues.insert(id)
            try credit(db, &state.norms[id]!, cents: cents, month: month)
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

    /// A client seen at a provider. Its months of care are recorded (`BatchCareMonths`); a
    /// client arriving at the provider (new, or back after `instroom_gap_months` without
    /// care there) while a stop is in force under a norm in scope is checked against the
    /// exemptions; and each instroomtarget in scope moves its count by what the new months
    /// change about this client alone: the month it counts in before and after (issue 21:
    /// never a rescan of the norm's scope). A duration norm in scope judges the client's
    /// length of care (`DurationLedger`).
    ///
    /// The client's months at the provider are read (a few dozen rows, by key) only when
    /// a stop is in force in scope, or when the line added a month and a target or a
    /// duration norm is in scope.
    private mutating func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        toewijzingNummer: String?, day: Day, through: Day, declared: Month?, filed: [FiledNorm],
        state: inout LedgerState
    ) throws {
        let month = day.month
        var stopped: [NormDefinition] = []
        var targets: [NormDefinition] = []
        var durations: [NormDefinition] = []
        for entry in filed
        where entry.norm.kind.allowsStop || entry.norm.kind == .instroomtarget
            || entry.norm.intensity?.maxMonths != nil
        {
            let norm = entry.norm
            guard
                norm.scope.matches(
                    gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "",
                    productCode: productCode)
            else { continue }
            if norm.kind.allowsStop && norm.period.contains(day) && state.norms[norm.id]?.stop != nil {
                stopped.append(norm)
            }
            if norm.kind == .instroomtarget && state.norms.index(forKey: norm.id) != nil { targets.append(norm) }
            if norm.intensity?.maxMonths != nil && state.norms.index(forKey: norm.id) != nil { durations.append(norm) }
        }
        let added = try careMonths.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, from: day, through: through, declared: declared)
        guard !stopped.isEmpty || (!added.isEmpty && !(targets.isEmpty && durations.isEmpty)) else { return }
        let care = try careMonths.atProvider(db, aanbieder: aanbieder, client: client)
        let new = Set(added)
        let before = care.filter { !new.contains($0) }
        if !stopped.isEmpty {
            let known = Set(before.map(\.month))
            if arrivals.arrivesNow(month, knownCare: known) {
                for norm in stopped {
                    guard let stop = state.norms[norm.id]?.stop else { continue }
                    try StopBook.checkInflow(
                        db, norm: norm, stop: stop, gemeente: gemeente, aanbieder: aanbieder, client: client,
                        toewijzingNummer: toewijzingNummer, day: day, routes: routes, now: now)
                }
            }
        }
        for norm in targets where !added.isEmpty {
            let window = arrivals.window(for: norm.period)
            func months(_ rows: [CareMonths.CareMonth]) -> Set<Month> {
                Set(
                    rows.lazy.filter { window.contains($0.month) && $0.inScope(of: norm, aanbieder: aanbieder) }
                        .map(\.month))
            }
            let was = arrivals.countedArrival(in: norm.period, careMonths: months(before))
            let counts = arrivals.countedArrival(in: norm.period, careMonths: months(care))
            guard was != counts else { continue }
            try counted(db, &state.norms[norm.id]!, from: was, to: counts)
        }
        // A duration norm: a month added can take the client beyond its months (a signal).
        for norm in durations where !added.isEmpty {
            try DurationLedger.check(
                db, norm: norm, aanbieder: aanbieder, client: client, care: care, arrivals: arrivals, now: now)
        }
    }

    /// An instroomtarget's client moved from one month to another (or in, or out: a late
    /// line for an earlier month can end a gap and make a later arrival no arrival); its
    /// months, value, alerts and advice follow, on the count and its run-rate forecast.
    private mutating func counted(_ db: Database, _ norm: inout NormState, from old: Month?, to new: Month?) throws {
        for (month, step) in [(old, Int64(-1)), (new, 1)] {
            guard let month else { continue }
            let count = (norm.months[month] ?? 0) + step
            // A month no client counts in has no row, as a recount (`InflowCount`) leaves it.
            norm.months[month] = count == 0 ? nil : count
            norm.value += step
            touchedMonths.insert(NormMonth(normID: norm.norm.id, month: month))
        }
        touchedValues.insert(norm.norm.id)
        let forecast = RunRateForecast.make(
            byMonth: norm.months, period: norm.norm.period, limit: norm.norm.limit, today: today,
            settings: forecastSettings)
        try AlertBook.evaluate(
            db, norm: norm.norm, value: norm.value, forecast: forecast, firing: &norm.firing, now: now)
        try StopBook.advise(db, state: &norm, value: norm.value, forecast: forecast, today: today, now: now)
    }
}
