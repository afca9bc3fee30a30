import Domain

/// One client's use of care in one month of care, as counted for an intensiteitsnorm
/// (debits minus credits, in the measure's scaled unit), and the days it covered.
public struct IntensityUse: Sendable, Equatable {
    public var used: Int64
    public var cents: Int64
    public var days: Int

    public init(used: Int64, cents: Int64, days: Int) {
        self.used = used
        self.cents = cents
        self.days = days
    }
}

/// A month judged against the norm: how much was above it, what that care cost, and
/// whether the excess is structural (then the amount would be unlawful).
public struct IntensityVerdict: Sendable, Equatable, Codable {
    public var allowed: Int64
    public var above: Int64
    public var amountAboveCents: Int64
    public var structural: Bool

    public init(allowed: Int64, above: Int64, amountAboveCents: Int64, structural: Bool) {
        self.allowed = allowed
        self.above = above
        self.amountAboveCents = amountAboveCents
        self.structural = structural
    }
}

/// The intensiteitsnorm's rule, pure: each month's excess over what the norm allows, its
/// cost (the month's amount in proportion to the units above the norm, rounded down to
/// the cent), and "not incidental": a month above the norm that shares a window of
/// `windowMonths` consecutive months with at least `monthsAbove` months above it.
public enum IntensityAssessment {
    public static func assess(_ months: [Month: IntensityUse], limit: Int64, measure: IntensityMeasure)
        -> [Month: IntensityVerdict]
    {
        var verdicts: [Month: IntensityVerdict] = [:]
        for (month, use) in months {
            let allowed = measure.allowed(limit: limit, days: use.days)
            let above = max(0, use.used - allowed)
            let amount = above > 0 && use.used > 0 && use.cents > 0 ? use.cents * above / use.used : 0
            verdicts[month] = IntensityVerdict(
                allowed: allowed, above: above, amountAboveCents: amount, structural: false)
        }
        let aboveMonths = Set(verdicts.filter { $0.value.above > 0 }.keys)
        let window = max(1, measure.windowMonths)
        for month in aboveMonths {
            // Every window of `window` months that contains this month.
            let structural = (0..<window).contains { offset in
                let start = month.adding(months: -offset)
                let count = (0..<window).filter { aboveMonths.contains(start.adding(months: $0)) }.count
                return count >= measure.monthsAbove
            }
            verdicts[month]?.structural = structural
        }
        return verdicts
    }

    /// The amount that would be unlawful: the cost above the norm of every structural month.
    public static func unlawfulCents(_ verdicts: some Sequence<IntensityVerdict>) -> Int64 {
        verdicts.reduce(0) { $0 + ($1.structural ? $1.amountAboveCents : 0) }
    }
}
