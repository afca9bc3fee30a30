/// The periods a council compares a period with: the one before it, and the same part of
/// a baseline year.
extension Period {
    /// The same period `months` later (earlier when negative), whole months kept whole.
    public func shifted(months: Int) -> Period {
        Period(start: start.month.adding(months: months).firstDay, end: end.month.adding(months: months).lastDay)!
    }

    /// The period just before this one, of the same length (2026-Q3 → 2026-Q2, 2026 → 2025).
    public var previous: Period { shifted(months: -months.count) }

    /// The same months in `year` (2026-Q3 with 2024 → 2024-Q3).
    public func inYear(_ year: Int) -> Period { shifted(months: (year - start.year) * 12) }
}

extension Day {
    /// The same day `months` later or earlier, the month's last day when it is shorter:
    /// a peildatum carried to a compared period.
    public func shifted(months: Int) -> Day {
        let month = self.month.adding(months: months)
        return month.firstDay.adding(days: Swift.min(day, month.dayCount) - 1)
    }
}
