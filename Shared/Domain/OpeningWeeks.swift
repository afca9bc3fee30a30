/// Weeks of care per year, for a norm on opening weeks: Nijmegen, "Daarom normeren we de
/// openstelling tot maximaal 47 weken per jaar". A declaration does not say whether a
/// provider was open; it says over which days care was delivered (a line's ProductPeriode,
/// start to end). The reading chosen: a client had care in an ISO week (Monday to Sunday)
/// when a declared period has a day in it, and the weeks are counted per ISO year (the
/// year of the week's Thursday, so a week across New Year counts once).
///
/// Its limit, and why the result is a signal and never a verdict: a provider that declares
/// whole months (the 1st to the last day) shows every week of those months, closure weeks
/// included, so only providers that declare per week or part of a month can be judged.
public enum OpeningWeeks {
    /// An ISO week, named by its Monday.
    public struct Week: Sendable, Hashable, Comparable {
        public let monday: Day

        public init(containing day: Day) {
            monday = day.adding(days: -(day.weekday - 1))
        }

        /// The ISO year: the year of the week's Thursday.
        public var year: Int { monday.adding(days: 3).year }

        /// 1…53: the week's Thursday's day of the year, in sevens.
        public var number: Int {
            let thursday = monday.adding(days: 3)
            let newYear = Day(year: thursday.year, month: 1, day: 1)!
            return (thursday.daysSince1970 - newYear.daysSince1970) / 7 + 1
        }

        public static func < (lhs: Week, rhs: Week) -> Bool { lhs.monday < rhs.monday }
    }

    /// Every week that has a day from `start` through `end` (nothing when `end` is before it).
    public static func weeks(from start: Day, through end: Day) -> Set<Week> {
        guard start <= end else { return [] }
        var result: Set<Week> = []
        var week = Week(containing: start)
        while week.monday <= end {
            result.insert(week)
            week = Week(containing: week.monday.adding(days: 7))
        }
        return result
    }

    /// The number of weeks with care per ISO year, over any set of declared periods.
    public static func count(_ periods: [(start: Day, end: Day)]) -> [Int: Int] {
        var weeks: Set<Week> = []
        for period in periods { weeks.formUnion(Self.weeks(from: period.start, through: period.end)) }
        return Dictionary(grouping: weeks, by: \.year).mapValues(\.count)
    }

    /// The years in which the weeks with care exceed the norm's `limit` (47 in Nijmegen),
    /// with by how many.
    public static func above(_ periods: [(start: Day, end: Day)], limit: Int) -> [Int: Int] {
        count(periods).compactMapValues { $0 > limit ? $0 - limit : nil }
    }
}
