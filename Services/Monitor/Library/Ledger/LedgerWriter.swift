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

    func apply(_ db: Database, event: LoggedEvent) throws {
        switch event.kind {
        case LineAccepted.kind.rawValue:
            let line = try LineAccepted.decoded(from: event.body).line
            try add(db, line: line, sign: 1)
            try arrived(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, toewijzingNummer: line.toewijzingNummer,
                day: line.periodStart)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            guard !start.withdrawn else { break }
            try arrived(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, toewijzingNummer: start.toewijzingNummer,
                day: start.begindatum)
        case ReferralRequested.kind.rawValue:
            try StopBook.recordReferral(db, try ReferralRequested.decoded(from: event.body))
        case LineCredited.kind.rawValue:
            try add(db, line: LineCredited.decoded(from: event.body).line, sign: -1)
        default:
            break  // facts monitor does not count (yet) are skipped, the cursor still moves
        }
    }

    /// A client seen at a provider: instroomtargets in scope are recounted and their
    /// alerts and stop advice follow; a client new to the provider while a stop is in
    /// force under a norm in scope is checked against the exemptions.
    private func arrived(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        toewijzingNummer: String?, day: Day
    ) throws {
        let newToProvider = !(try InflowLedger.known(db, aanbieder: aanbieder, client: client))
        try InflowLedger.record(
            db, aanbieder: aanbieder, gemeente: gemeente, categorie: categorie, productCode: productCode,
            client: client, day: day)
        for norm in norms.norms(aanbieder: aanbieder, gemeente: gemeente)
        where norm.period.contains(day)
            && norm.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie ?? "", productCode: productCode)
        {
            if newToProvider && norm.kind.allowsStop {
                try StopBook.checkInflow(
                    db, norm: norm, gemeente: gemeente, aanbieder: aanbieder, client: client,
                    toewijzingNummer: toewijzingNummer, day: day, exemptReferrers: exemptReferrers, now: now)
            }
            guard norm.kind == .instroomtarget else { continue }
            let count = try InflowLedger.newClients(db, norm: norm)
            try db.cachedStatement(sql: "UPDATE norm SET value = ? WHERE id = ?").execute(arguments: [count, norm.id])
            try AlertBook.evaluate(db, norm: norm, value: count, settings: forecastSettings, now: now)
            try StopBook.advise(db, norm: norm, value: count, settings: forecastSettings, now: now)
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
