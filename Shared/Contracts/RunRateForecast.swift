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
    ///
    /// Made for every line and money norm it counts for on monitor's path, so it reads
    /// each month of the period once and allocates little (same figures as the plain
    /// reading in the comments; `RunRateForecastTests`).
    public static func make(
        byMonth: [Month: Int64], period: Period, limit: Int64, today: Day, settings: Settings = Settings()
    ) -> RunRateForecast? {
        // Months before the first declaration say nothing about the rate (care had not
        // started, or the norm's scope was not in use yet).
        var firstDeclared: Month?
        var latestDeclared: Month?
        for (month, value) in byMonth where value != 0 {
            if firstDeclared.map({ month < $0 }) ?? true { firstDeclared = month }
            if latestDeclared.map({ month > $0 }) ?? true { latestDeclared = month }
        }
        guard let firstDeclared, settings.lookback > 0 else { return nil }
        let months = period.months
        // Placed by offset rather than looked up month by month: this runs per line and
        // norm in monitor, and a dozen dictionary look-ups were most of its time.
        var actuals = [Int64](repeating: 0, count: months.count)
        if let start = months.first {
            for (month, value) in byMonth {
                let index = start.months(until: month)
                if actuals.indices.contains(index) { actuals[index] = value }
            }
        }
        // Complete: declared for, ended before today, and either followed by a declared
        // month or `lagDays` past its end.
        var complete: [Int] = []
        complete.reserveCapacity(months.count)
        for (index, month) in months.enumerated() {
            guard month >= firstDeclared, month.lastDay < today else { continue }
            if let latestDeclared, month < latestDeclared {
                complete.append(index)
            } else if month.lastDay.adding(days: settings.lagDays) < today {
                complete.append(index)
            }
        }
        guard let lastComplete = complete.last else { return nil }
        let basis = complete.suffix(settings.lookback)
        var total: Int64 = 0
        var low = Int64.max
        var high = Int64.min
        for index in basis {
            total += actuals[index]
            low = min(low, actuals[index])
            high = max(high, actuals[index])
        }
        let rate = total / Int64(basis.count)
        let projection = project(actuals: actuals, months: months, through: lastComplete, rate: rate, limit: limit)
        return RunRateForecast(
            basisMonths: basis.map { months[$0].description }, ratePerMonth: rate, projectedTotal: projection.total,
            crossingDate: projection.crossing, completeMonths: complete.count,
            indicative: complete.count < settings.minimumMonths,
            projectedLow: project(actuals: actuals, months: months, through: lastComplete, rate: low, limit: 0).total,
            projectedHigh: project(actuals: actuals, months: months, through: lastComplete, rate: high, limit: 0).total)
    }

    /// The period's total with every month after index `lastComplete` at `rate` (or what
    /// was already declared for it, when more), and the day the cumulative reaches
    /// `limit` (`actuals[i]` is `months[i]`'s total; a `limit` of 0 finds no crossing).
    static func project(
        actuals: [Int64], months: [Month], through lastComplete: Int, rate: Int64, limit: Int64
    ) -> (total: Int64, crossing: Day?) {
        var cumulative: Int64 = 0
        var crossing: Day?
        for (index, actual) in actuals.enumerated() {
            let value = index <= lastComplete ? actual : max(actual, rate)
            if crossing == nil, limit > 0, cumulative + value >= limit, value > 0 {
                // Spread evenly over the month's days: the day the limit is reached.
                let month = months[index]
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
