import Domain

/// The stop rules as pure decisions, so they are tested without a store.
///
/// Nijmegen (Uitvoeringsagenda 2025): a stop follows when "overschrijding van de
/// bestedingsruimte of het instroomtarget waarschijnlijk is", and "De toeleidingsstop wordt
/// pas weer opgeheven als de verwachting is dat er binnen een periode van vier maanden niet
/// opnieuw een toeleidingsstop hoeft te worden opgelegd." Holland Rijnland sets the line at
/// 105% of the forecast instead of 100% (`StopRule.forecastAbove105`).
public enum StopAdvice {
    /// How far ahead a lift must be safe.
    public static let liftHorizonMonths = 4

    /// The rule's percentage of the limit.
    public static func percent(_ rule: StopRule) -> Int64 { rule == .forecastAbove105 ? 105 : 100 }

    static func beyondRule(_ amount: Int64, norm: NormDefinition) -> Bool {
        Int128(amount) * 100 > Int128(norm.limit) * Int128(percent(norm.stopRule))
    }

    /// Whether imposing a stop is advised: the value already lies beyond the rule's
    /// percentage (a fact), or, for money, the forecast for the end of the period does and
    /// rests on enough complete months (an indicative forecast advises nothing).
    public static func imposeAdvised(norm: NormDefinition, value: Int64, forecast: RunRateForecast?) -> Bool {
        guard norm.kind.allowsStop, norm.limit > 0 else { return false }
        if beyondRule(value, norm: norm) { return true }
        guard norm.kind.hasForecast, let forecast, !forecast.indicative else { return false }
        return beyondRule(forecast.projectedTotal, norm: norm)
    }

    /// Why a new stop would be expected within four months of `today`, if it would.
    public enum Expectation: Sendable, Equatable {
        /// The value has reached the limit.
        case valueAtLimit
        /// The forecast for the end of the period lies beyond the rule's percentage: the
        /// advice would come back at once (or once the basis is long enough).
        case forecastBeyondRule(projected: Int64)
        /// The projection reaches the limit on this day, within the horizon.
        case crossing(Day)
    }

    /// The four-month rule: nil when no new stop is expected within four months. An
    /// indicative forecast counts here: a lift on too short a basis is not a safe one.
    public static func newStopExpected(
        norm: NormDefinition, value: Int64, forecast: RunRateForecast?, today: Day
    ) -> Expectation? {
        guard norm.kind.allowsStop, norm.limit > 0 else { return nil }
        if value >= norm.limit { return .valueAtLimit }
        guard norm.kind.hasForecast, let forecast else { return nil }
        if beyondRule(forecast.projectedTotal, norm: norm) {
            return .forecastBeyondRule(projected: forecast.projectedTotal)
        }
        if let crossing = forecast.crossingDate, crossing <= horizon(from: today) { return .crossing(crossing) }
        return nil
    }

    /// The same day `liftHorizonMonths` later (the month's last day when shorter).
    public static func horizon(from today: Day) -> Day {
        let month = today.month.adding(months: liftHorizonMonths)
        return month.firstDay.adding(days: min(today.day, month.dayCount) - 1)
    }

    /// Whether lifting is advised: the four-month rule holds.
    public static func liftAdvised(norm: NormDefinition, value: Int64, forecast: RunRateForecast?, today: Day) -> Bool {
        newStopExpected(norm: norm, value: value, forecast: forecast, today: today) == nil
    }
}
