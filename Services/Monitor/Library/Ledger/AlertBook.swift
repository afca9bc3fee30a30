import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Stores alerts and publishes their lifecycle, driven by `AlertLifecycle`.
enum AlertBook {
    static func firingThresholds(_ db: Database, normID: Int64, kind: AlertKind) throws -> Set<Int> {
        Set(
            try Int.fetchAll(
                try db.cachedStatement(
                    sql: "SELECT threshold FROM alert WHERE normID = ? AND alertKind = ? AND state = 'firing'"),
                arguments: [normID, kind.rawValue]))
    }

    /// Brings the norm's alerts in line with its value (every threshold) and with its
    /// forecast (the limit itself: "will be crossed before the period ends").
    static func evaluate(
        _ db: Database, norm: NormDefinition, value: Int64, settings: RunRateForecast.Settings, now: Date
    ) throws {
        let forecast = try MonitorDatabase.forecast(db, norm: norm, today: Day.today(now: now), settings: settings)
        try evaluate(db, norm: norm, value: value, forecast: forecast, now: now)
    }

    /// The same with the forecast already at hand (a line computes it once for alerts and stops).
    static func evaluate(
        _ db: Database, norm: NormDefinition, value: Int64, forecast: RunRateForecast?, now: Date
    ) throws {
        let reached = ThresholdLevels.reached(value: value, limit: norm.limit, thresholds: norm.thresholds)
        try apply(db, norm: norm, kind: .actual, reached: reached, value: value, forecast: forecast, now: now)
        // An indicative forecast (too few complete months) is shown, never alerted on.
        let projected = forecast.flatMap { $0.indicative ? nil : $0.projectedTotal } ?? 0
        let forecastReached = ThresholdLevels.reached(value: projected, limit: norm.limit, thresholds: [100])
        try apply(db, norm: norm, kind: .forecast, reached: forecastReached, value: value, forecast: forecast, now: now)
    }

    /// An intensiteitsnorm has one alert: firing while some care above the norm is not
    /// incidental, with the amount that would be unlawful as its value.
    static func evaluateIntensity(_ db: Database, norm: NormDefinition, unlawfulCents: Int64, now: Date) throws {
        try apply(
            db, norm: norm, kind: .intensity, reached: unlawfulCents > 0 ? [100] : [], value: unlawfulCents,
            forecast: nil, now: now)
    }

    /// An ended norm counts nothing more, so none of its alerts can still be true: each
    /// firing one is resolved (and the resolution published) with its last value.
    static func resolveAll(_ db: Database, norm: NormDefinition, now: Date) throws {
        let firing = try Row.fetchAll(
            db, sql: "SELECT alertKind, threshold, value FROM alert WHERE normID = ? AND state = 'firing'",
            arguments: [norm.id])
        for row in firing {
            guard let kind = AlertKind(rawValue: row["alertKind"]) else { continue }
            try resolve(db, norm: norm, kind: kind, threshold: row["threshold"], value: row["value"], now: now)
        }
    }

    private static func apply(
        _ db: Database, norm: NormDefinition, kind: AlertKind, reached: Set<Int>, value: Int64,
        forecast: RunRateForecast?, now: Date
    ) throws {
        let firing = try firingThresholds(db, normID: norm.id, kind: kind)
        for action in AlertLifecycle.actions(reached: reached, firing: firing) {
            switch action {
            case .fire(let threshold):
                try fire(db, norm: norm, kind: kind, threshold: threshold, value: value, forecast: forecast, now: now)
            case .resolve(let threshold):
                try resolve(db, norm: norm, kind: kind, threshold: threshold, value: value, now: now)
            }
        }
    }

    private static func fire(
        _ db: Database, norm: NormDefinition, kind: AlertKind, threshold: Int, value: Int64,
        forecast: RunRateForecast?, now: Date
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO alert (normID, alertKind, threshold, state, value, normLimit, firedAt)
                VALUES (?, ?, ?, 'firing', ?, ?, ?)
                """
        ).execute(arguments: [norm.id, kind.rawValue, threshold, value, norm.limit, now.formatted(.iso8601)])
        let event = AlertFiring(
            alertID: db.lastInsertedRowID,
            norm: AlertNorm(norm, aanbiederNaam: try ProviderRegister.name(db, agb: norm.scope.aanbieder)),
            alertKind: kind, threshold: threshold,
            value: value, limit: norm.limit, forecastValue: forecast?.projectedTotal,
            forecastCrossing: forecast?.crossingDate, firedAt: now)
        try Outbox.append(db, kind: AlertFiring.kind.rawValue, body: try event.encoded(), at: now)
    }

    private static func resolve(
        _ db: Database, norm: NormDefinition, kind: AlertKind, threshold: Int, value: Int64, now: Date
    ) throws {
        guard
            let alertID = try Int64.fetchOne(
                try db.cachedStatement(
                    sql:
                        "SELECT id FROM alert WHERE normID = ? AND alertKind = ? AND threshold = ? AND state = 'firing'"
                ), arguments: [norm.id, kind.rawValue, threshold])
        else { return }
        try db.cachedStatement(
            sql: "UPDATE alert SET state = 'resolved', resolvedAt = ?, value = ? WHERE id = ?"
        ).execute(arguments: [now.formatted(.iso8601), value, alertID])
        let event = AlertResolved(
            alertID: alertID,
            norm: AlertNorm(norm, aanbiederNaam: try ProviderRegister.name(db, agb: norm.scope.aanbieder)),
            alertKind: kind, threshold: threshold, value: value,
            limit: norm.limit, resolvedAt: now)
        try Outbox.append(db, kind: AlertResolved.kind.rawValue, body: try event.encoded(), at: now)
    }
}
