import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Storage

/// Applies intake's facts to monitor's ledger inside the consumer's transaction, and
/// fires or resolves alerts in that same transaction, so a crash can never leave a
/// counted line without its alert or an alert without its line.
struct LedgerWriter {
    let norms: NormIndex
    let now: Date
    /// Referrer types (COD327) whose clients may enter during a stop.
    var exemptReferrers: Set<String> = []
    /// Percent above a signaalplafond that advises a bestedingsruimte once its period ended.
    var previousPeriodMargin = 10
    var forecastSettings = RunRateForecast.Settings()
    var arrivals = CareArrivals()

    func apply(_ db: Database, event: LoggedEvent) throws {
        switch event.kind {
        case LineAccepted.kind.rawValue:
            let line = try LineAccepted.decoded(from: event.body).line
            try add(db, line: line, sign: 1)
            try arrived(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, toewijzingNummer: line.toewijzingNummer,
                day: line.periodStart, through: line.periodEnd)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, toewijzingNummer: start.toewijzingNummer,
                day: start.begindatum, through: start.begindatum)
        case ReferralRequested.kind.rawValue:
            try StopBook.recordReferral(db, try ReferralRequested.decoded(from: event.body))
        case LineCredited.kind.rawValue:
            try add(db, line: LineCredited.decoded(from: event.body).line, sign: -1)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
        }
    }

    /// A client seen at a provider: instroomtargets in scope are recounted and their
    /// alerts and stop advice follow; a client arriving at the provider (new, or back
    /// after `instroom_gap_months` without care there) while a stop is in force under a
    /// norm in scope is checked against the exemptions.
    private func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        toewijzingNummer: String?, day: Day, through: Day
    ) throws {
        let month = day.month
        let newToProvider = arrivals.arrivesNow(
            month,
            knownCare: try CareMonths.monthsAtProvider(
                db, aanbieder: aanbieder, client: client,
                in: month.adding(months: -arrivals.gapMonths)...month.adding(months: arrivals.gapMonths)))
        try InflowLedger.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, day: day)
        try CareMonths.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, from: day, through: through)
        for norm in norms.norms(aanbieder: aanbieder, gemeente: gemeente)
        where norm.scope.matches(
            gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "", productCode: productCode)
        {
            if newToProvider && norm.kind.allowsStop && norm.period.contains(day) {
                try StopBook.checkInflow(
                    db, norm: norm, gemeente: gemeente, aanbieder: aanbieder, client: client,
                    toewijzingNummer: toewijzingNummer, day: day, exemptReferrers: exemptReferrers, now: now)
            }
            // A late line for a month before the period can end a gap inside it: every
            // target whose window (the period and the gap before it) the care touches.
            let window = arrivals.window(for: norm.period)
            guard norm.kind == .instroomtarget, day.month <= window.upperBound, through.month >= window.lowerBound
            else { continue }
            let count = try InflowCount.recount(db, norm: norm, arrivals: arrivals)
            let forecast = try MonitorDatabase.forecast(
                db, norm: norm, today: Day.today(now: now), settings: forecastSettings)
            try AlertBook.evaluate(db, norm: norm, value: count, forecast: forecast, now: now)
            try StopBook.advise(db, norm: norm, value: count, forecast: forecast, now: now)
        }
    }

    private func add(_ db: Database, line: DeclaredLine, sign: Int64) throws {
        let cents = line.amountCents * sign
        let month = line.monthOfCare.description
        try SpendCells.add(db, line: line, sign: sign)
        try IntensityLedger.record(db, line: line, sign: sign)
        let matching = norms.norms(for: line)
        for norm in matching where norm.kind == .intensiteitsnorm {
            try IntensityLedger.add(db, norm: norm, line: line, sign: sign, now: now)
        }
        for norm in matching where norm.kind.limitIsMoney {
            try db.cachedStatement(
                sql: """
                    INSERT INTO normMonth (normID, month, value) VALUES (?, ?, ?)
                    ON CONFLICT DO UPDATE SET value = value + excluded.value
                    """
            ).execute(arguments: [norm.id, month, cents])
            let value =
                try Int64.fetchOne(
                    db.cachedStatement(sql: "UPDATE norm SET value = value + ? WHERE id = ? RETURNING value"),
                    arguments: [cents, norm.id]) ?? 0
            let forecast = try MonitorDatabase.forecast(
                db, norm: norm, today: Day.today(now: now), settings: forecastSettings)
            try AlertBook.evaluate(db, norm: norm, value: value, forecast: forecast, now: now)
            try StopBook.advise(db, norm: norm, value: value, forecast: forecast, now: now)
            try PeriodAdvice.check(db, norm: norm, value: value, marginPercent: previousPeriodMargin, now: now)
        }
    }
}
