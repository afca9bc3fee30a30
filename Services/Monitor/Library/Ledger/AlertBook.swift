import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Stores alerts and publishes their lifecycle, driven by `AlertLifecycle`.
///
/// The firing alerts come in as `FiringAlerts`: from memory on the consumer's path
/// (`NormState`), read from the store on an admin command's.
enum AlertBook {
    static func firingThresholds(_ db: Database, normID: Int64, kind: AlertKind) throws -> Set<Int> {
        Set((try firing(db, normID: normID)[kind] ?? [:]).keys)
    }

    /// The norm's firing alerts as the store holds them.
    static func firing(_ db: Database, normID: Int64) throws -> FiringAlerts {
        var firing: FiringAlerts = [:]
        for alert in try AlertRecord.firing(db, normID: normID) {
            firing[alert.alertKind, default: [:]][alert.threshold] = alert.id
        }
        return firing
    }

    /// Brings the norm's alerts in line with its value (every threshold) and with its
    /// forecast (the limit itself: "will be crossed before the period ends"), from the store.
    static func evaluate(
        _ db: Database, norm: NormDefinition, value: Int64, settings: RunRateForecast.Settings, now: Date
    ) throws {
        let forecast = try MonitorDatabase.forecast(db, norm: norm, today: Day.today(now: now), settings: settings)
        var current = try Self.firing(db, normID: norm.id)
        try evaluate(db, norm: norm, value: value, forecast: forecast, firing: &current, now: now)
    }

    /// The same with the forecast and the firing alerts at hand (a line's, in memory).
    static func evaluate(
        _ db: Database, norm: NormDefinition, value: Int64, forecast: RunRateForecast?, firing: inout FiringAlerts,
        now: Date
    ) throws {
        let reached = ThresholdLevels.reached(value: value, limit: norm.limit, thresholds: norm.thresholds)
        try apply(
            db, norm: norm, kind: .actual, reached: reached, firing: &firing, value: value, forecast: forecast, now: now
        )
        // An indicative forecast (too few complete months) is shown, never alerted on.
        let projected = forecast.flatMap { $0.indicative ? nil : $0.projectedTotal } ?? 0
        let forecastReached = ThresholdLevels.reached(value: projected, limit: norm.limit, thresholds: [100])
        try apply(
            db, norm: norm, kind: .forecast, reached: forecastReached, firing: &firing, value: value,
            forecast: forecast, now: now)
    }

    /// An intensiteitsnorm has one alert: firing while some care above the norm is not
    /// incidental, with the amount that would be unlawful as its value.
    static func evaluateIntensity(
        _ db: Database, norm: NormDefinition, unlawfulCents: Int64, firing: inout FiringAlerts, now: Date
    ) throws {
        try apply(
            db, norm: norm, kind: .intensity, reached: unlawfulCents > 0 ? [100] : [], firing: &firing,
            value: unlawfulCents, forecast: nil, now: now)
    }

    /// An ended norm counts nothing more, so none of its alerts can still be true: each
    /// firing one is resolved (and the resolution published) with its last value.
    static func resolveAll(_ db: Database, norm: NormDefinition, now: Date) throws {
        for alert in try AlertRecord.firing(db, normID: norm.id) {
            guard let id = alert.id else { continue }
            try resolve(
                db, norm: norm, kind: alert.alertKind, threshold: alert.threshold, alertID: id, value: alert.value,
                now: now)
        }
    }

    private static func apply(
        _ db: Database, norm: NormDefinition, kind: AlertKind, reached: Set<Int>, firing: inout FiringAlerts,
        value: Int64, forecast: RunRateForecast?, now: Date
    ) throws {
        let current = firing[kind] ?? [:]
        // The common case, a line that crosses nothing: no set arithmetic, no store.
        if reached.count == current.count && reached.allSatisfy({ current[$0] != nil }) { return }
        for action in AlertLifecycle.actions(reached: reached, firing: Set(current.keys)) {
            switch action {
            case .fire(let threshold):
                firing[kind, default: [:]][threshold] = try fire(
                    db, norm: norm, kind: kind, threshold: threshold, value: value, forecast: forecast, now: now)
            case .resolve(let threshold):
                guard let alertID = current[threshold] else { continue }
                try resolve(db, norm: norm, kind: kind, threshold: threshold, alertID: alertID, value: value, now: now)
                firing[kind]?[threshold] = nil
            }
        }
    }

    private static func fire(
        _ db: Database, norm: NormDefinition, kind: AlertKind, threshold: Int, value: Int64,
        forecast: RunRateForecast?, now: Date
    ) throws -> Int64 {
        var alert = AlertRecord(
            id: nil, normID: norm.id, alertKind: kind, threshold: threshold, state: .firing, value: value,
            normLimit: norm.limit, firedAt: now, resolvedAt: nil)
        try alert.insert(db)
        let alertID = alert.id ?? db.lastInsertedRowID
        let event = AlertFiring(
            alertID: alertID,
            norm: AlertNorm(norm, aanbiederNaam: try ProviderRegister.name(db, agb: norm.scope.aanbieder)),
            alertKind: kind, threshold: threshold,
            value: value, limit: norm.limit, forecastValue: forecast?.projectedTotal,
            forecastCrossing: forecast?.crossingDate, firedAt: now)
        try Outbox.append(db, event, at: now)
        return alertID
    }

    private static func resolve(
        _ db: Database, norm: NormDefinition, kind: AlertKind, threshold: Int, alertID: Int64, value: Int64, now: Date
    ) throws {
        try AlertRecord.filter(AlertRecord.Columns.id == alertID).updateAll(
            db, AlertRecord.Columns.state.set(to: AlertState.resolved),
            AlertRecord.Columns.resolvedAt.set(to: now.formatted(.iso8601)), AlertRecord.Columns.value.set(to: value))
        let event = AlertResolved(
            alertID: alertID,
            norm: AlertNorm(norm, aanbiederNaam: try ProviderRegister.name(db, agb: norm.scope.aanbieder)),
            alertKind: kind, threshold: threshold, value: value,
            limit: norm.limit, resolvedAt: now)
        try Outbox.append(db, event, at: now)
    }
}
