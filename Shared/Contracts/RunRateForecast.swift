import Domain

/// Where a norm is heading by the end of its period: a simple, explainable run-rate.
///
/// Declarations arrive a month late, so only *complete* months of care count towards the
/// rate: a month is complete once a later month has declarations, or once `lagDays` have
/// passed since its end. The rate is the average of the last `lookback` complete months;
/// every month after the last complete one is projected at that rate (or at what was
/// already declared for it, when that is more). Months before the first declaration do
/// not count towards the rate. All in integer cents.
///
/// A forecast on fewer than `minimumMonths` complete months is *indicative*: shown, but
/// no advice or forecast alert follows from it (one month of care says little about a
/// year). How sure it is shows as its spread: the same projection at the lowest and at
/// the highest month of its basis.
public struct RunRateForecast: Sendable, Equatable, Codable {
    public var method = "run-rate"
    /// The complete months whose average is the rate, oldest first.
    public var basisMonths: [String]
    public var ratePerMonth: Int64
    public var projectedTotal: Int64
    /// The first day on which the projection reaches the limit, if it does in the period.
    public var crossingDate: Day?
    /// Complete months in the period so far (the basis is the last `lookback` of them).
    public var completeMonths: Int
    /// Fewer complete months than the configured minimum: no advice follows from it.
    public var indicative: Bool
    /// The projection with every open month at the basis's lowest, and its highest, month.
    public var projectedLow: Int64
    public var projectedHigh: Int64

    public struct Settings: Sendable, Equatable {
        public var lookback: Int
        public var lagDays: Int
        /// `forecast_min_months`: complete months before a forecast may raise advice.
        public var minimumMonths: Int
        public init(lookback: Int = 3, lagDays: Int = 45, minimumMonths: Int = 3) {
            self.lookback = lookback
            self.lagDays = lagDays
            self.minimumMonths = minimumMonths
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
        let basisValues = basis.map { byMonth[$0] ?? 0 }
        let rate = basisValues.reduce(0, +) / Int64(basis.count)
        let projection = project(byMonth: byMonth, months: months, through: lastComplete, rate: rate, limit: limit)
        let low = project(
            byMonth: byMonth, months: months, through: lastComplete, rate: basisValues.min() ?? rate, limit: limit)
        let high = project(
            byMonth: byMonth, months: months, through: lastComplete, rate: basisValues.max() ?? rate, limit: limit)
        return RunRateForecast(
            basisMonths: basis.map(\.description), ratePerMonth: rate, projectedTotal: projection.total,
            crossingDate: projection.crossing, completeMonths: complete.count,
            indicative: complete.count < settings.minimumMonths, projectedLow: low.total, projectedHigh: high.total)
    }

    /// The period's total with every month after `through` at `rate` (or what was already
    /// declared for it, when more), and the day the cumulative reaches `limit`.
    public static func project(
        byMonth: [Month: Int64], months: [Month], through lastComplete: Month, rate: Int64, limit: Int64
    ) -> (total: Int64, crossing: Day?) {
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
        return (cumulative, crossing)
    }

    public init(
        basisMonths: [String], ratePerMonth: Int64, projectedTotal: Int64, crossingDate: Day?, completeMonths: Int,
        indicative: Bool, projectedLow: Int64, projectedHigh: Int64
    ) {
        self.basisMonths = basisMonths
        self.ratePerMonth = ratePerMonth
        self.projectedTotal = projectedTotal
        self.crossingDate = crossingDate
        self.completeMonths = completeMonths
        self.indicative = indicative
        self.projectedLow = projectedLow
        self.projectedHigh = projectedHigh
    }

    enum CodingKeys: String, CodingKey {
        case method, basisMonths, ratePerMonth, projectedTotal, crossingDate, completeMonths, indicative
        case projectedLow, projectedHigh
    }

    /// Forecasts written before the minimum basis and the spread existed read as final,
    /// with no spread.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decodeIfPresent(String.self, forKey: .method) ?? "run-rate"
        basisMonths = try c.decode([String].self, forKey: .basisMonths)
        ratePerMonth = try c.decode(Int64.self, forKey: .ratePerMonth)
        projectedTotal = try c.decode(Int64.self, forKey: .projectedTotal)
        crossingDate = try c.decodeIfPresent(Day.self, forKey: .crossingDate)
        completeMonths = try c.decodeIfPresent(Int.self, forKey: .completeMonths) ?? basisMonths.count
        indicative = try c.decodeIfPresent(Bool.self, forKey: .indicative) ?? false
        projectedLow = try c.decodeIfPresent(Int64.self, forKey: .projectedLow) ?? projectedTotal
        projectedHigh = try c.decodeIfPresent(Int64.self, forKey: .projectedHigh) ?? projectedTotal
    }
}
