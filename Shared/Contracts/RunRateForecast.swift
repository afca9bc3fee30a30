import Domain

/// Where a norm is heading by the end of its period: a simple, explainable run-rate.
///
/// Declarations arrive a month late, so only *complete* months of care count towards the
/// rate: a month is complete once a later month has declarations, or once `lagDays` have
/// passed since its end. The rate is the average of the last `lookback` complete months;
/// every month after the last complete one is projected at that rate (or at what was
/// already declared for it, when that is more). Months before the first declaration do
/// not count towards the rate. All in integer cents.
public struct RunRateForecast: Sendable, Equatable, Codable {
    public var method = "run-rate"
    /// The complete months whose average is the rate, oldest first.
    public var basisMonths: [String]
    public var ratePerMonth: Int64
    public var projectedTotal: Int64
    /// The first day on which the projection reaches the limit, if it does in the period.
    public var crossingDate: Day?

    public struct Settings: Sendable, Equatable {
        public var lookback: Int
        public var lagDays: Int
        public init(lookback: Int = 3, lagDays: Int = 45) {
            self.lookback = lookback
            self.lagDays = lagDays
        }
    }

    /// Nil when there is no complete month yet to take a rate from.
    public static func make(
        byMonth: [Month: Int64], period: Period, limit: Int64, today: Day, settings: Settings = Settings()
    ) -> RunRateForecast? {
        let months = period.months
        let declared = byMonth.filter { $0.value != 0 }.keys
        let latestDeclared = declared.max()
        // Months before the first declaration say nothing about the rate (care had not
        // started, or the norm's scope was not in use yet).
        guard let firstDeclared = declared.min() else { return nil }
        let complete = months.filter { month in
            guard month >= firstDeclared, month.lastDay < today else { return false }
            if let latestDeclared, month < latestDeclared { return true }
            return month.lastDay.adding(days: settings.lagDays) < today
        }
        guard let lastComplete = complete.last, settings.lookback > 0 else { return nil }
        let basis = Array(complete.suffix(settings.lookback))
        let rate = basis.reduce(Int64(0)) { $0 + (byMonth[$1] ?? 0) } / Int64(basis.count)

        var cumulative: Int64 = 0
        var crossing: Day?
        for month in months {
            let actual = byMonth[month] ?? 0
            let value = month <= lastComplete ? actual : max(actual, rate)
            if crossing == nil, limit > 0, cumulative + value >= limit, value > 0 {
                // Spread evenly over the month's days: the day the limit is reached.
                let needed = limit - cumulative
                let day = Int((Int128(needed) * Int128(month.dayCount) + Int128(value) - 1) / Int128(value))
                crossing = month.firstDay.adding(days: max(day, 1) - 1)
            }
            cumulative += value
        }
        return RunRateForecast(
            basisMonths: basis.map(\.description), ratePerMonth: rate, projectedTotal: cumulative,
            crossingDate: crossing)
    }
}
