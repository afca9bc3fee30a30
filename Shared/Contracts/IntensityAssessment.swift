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
///
/// With a CPV approval for the month, `allowed` includes the extra granted, and
/// `approved` is how many of the units used above the plain norm the approval covers
/// (lawful care the norm alone would have called above it). Nil without an approval, so
/// a verdict without one encodes as before.
public struct IntensityVerdict: Sendable, Equatable, Codable {
    public var allowed: Int64
    public var above: Int64
    public var amountAboveCents: Int64
    public var structural: Bool
    public var approved: Int64?

    public init(allowed: Int64, above: Int64, amountAboveCents: Int64, structural: Bool, approved: Int64? = nil) {
        self.allowed = allowed
        self.above = above
        self.amountAboveCents = amountAboveCents
        self.structural = structural
        self.approved = approved
    }
}

/// The intensiteitsnorm's rule, pure: each month's excess over what the norm allows, its
/// cost (the month's amount in proportion to the units above the norm, rounded down to
/// the cent), and "not incidental": a month above the norm that shares a window of
/// `windowMonths` consecutive months with at least `monthsAbove` months above it.
///
/// A month a CPV approval covers is judged against the limit plus the extra granted
/// (`IntensityApproval`): care within it is lawful, not above the norm, and so does not
/// count towards "not incidental" either.
public enum IntensityAssessment {
    public static func assess(
        _ months: [Month: IntensityUse], limit: Int64, measure: IntensityMeasure, approvals: [IntensityApproval] = []
    ) -> [Month: IntensityVerdict] {
        var verdicts: [Month: IntensityVerdict] = [:]
        for (month, use) in months {
            let extra = IntensityApproval.extra(in: month, approvals)
            let plain = measure.allowed(limit: limit, days: use.days)
            let allowed = extra > 0 ? measure.allowed(limit: limit + extra, days: use.days) : plain
            let above = max(0, use.used - allowed)
            let amount = above > 0 && use.used > 0 && use.cents > 0 ? use.cents * above / use.used : 0
            // The units above the plain norm that the approval makes lawful.
            let approved = extra > 0 ? max(0, min(use.used, allowed) - plain) : nil
            verdicts[month] = IntensityVerdict(
                allowed: allowed, above: above, amountAboveCents: amount, structural: false, approved: approved)
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
